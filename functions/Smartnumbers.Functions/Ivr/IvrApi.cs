using Smartnumbers.Functions.Acs.Calls;
using Smartnumbers.Functions.Hosting;
using Smartnumbers.Functions.Ivr.Acs;
using Smartnumbers.Functions.Storage;
using Smartnumbers.Functions.Twilio;

namespace Smartnumbers.Functions.Ivr;

/// <summary>The dial-in line: registration, and POST /api/twilio/ivr (Twilio &lt;Gather action&gt;, signature-checked).</summary>
internal static class IvrApi
{
    public static IServiceCollection AddIvr(this IServiceCollection services)
    {
        services.AddOptions<DialInOptions>().BindConfiguration(DialInOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddTable(IvrSessionStore.TableName);
        services.AddTable(PinLockouts.TableName);
        services.AddSingleton<IvrSessionStore>();
        services.AddSingleton<PinLockouts>();
        services.AddSingleton<IPinVerifier, Pbkdf2PinVerifier>();
        services.AddSingleton<IIvrAuditTrail, AccountIvrAuditTrail>();
        services.AddSingleton<IIvrAccounts, SnapshotIvrAccounts>();
        services.AddSingleton<IIvrChanges, AccountIvrChanges>();
        services.AddSingleton<IvrPinCheck>();
        services.AddSingleton<DialInLine>();
        services.AddSingleton<IvrTwilioRenderer>();
        services.AddSingleton<IvrTwilioLine>();
        services.AddSingleton<IAcsCallFlowHandler, IvrAcsFlow>();
        services.AddSingleton<ITimerFunction, PurgeIvrRowsTimer>();
        return services;
    }

    public static IEndpointRouteBuilder MapIvrApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/twilio")
            .AddEndpointFilter<TwilioSignatureFilter>()
            .DisableAntiforgery()
            .ExcludeFromDescription()
            .MapPost("/ivr", TwilioGather);
        return app;
    }

    /// <summary>POST /api/twilio/ivr: the keys of one dial-in prompt; replies with the next prompt as TwiML.</summary>
    internal static async Task<IResult> TwilioGather(HttpRequest request, IvrTwilioLine line, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        return (await line.GatherAsync(form, ct)).ToResult();
    }
}
