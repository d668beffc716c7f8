using System.Globalization;
using Microsoft.Extensions.Options;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Pipeline;
using Smartnumbers.Functions.Telemetry;
using Smartnumbers.Functions.Twilio.Twiml;

namespace Smartnumbers.Functions.Twilio;

/// <summary>
/// The Twilio carrier endpoints under /api/twilio, every one behind <see cref="TwilioSignatureFilter"/>:
/// POST voice (decide and reply TwiML, <see cref="TwilioCallHandler"/>), POST dial-result (next step on busy/no-answer/failed, else hang up; records the step outcome) and
/// POST status (records the call's final status and duration).
/// </summary>
internal static partial class TwilioApi
{
    public static IServiceCollection AddTwilio(this IServiceCollection services)
    {
        services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>();
        services.AddSingleton<TwilioSignatureFilter>();
        services.AddSingleton<TwilioDialer>();
        services.AddSingleton<TwilioReplyCache>();
        services.AddSingleton<TwilioCallHandler>();
        services.AddCallPipeline();
        return services;
    }

    public static IEndpointRouteBuilder MapTwilioApi(this IEndpointRouteBuilder app)
    {
        var twilio = app.MapGroup("/api/twilio")
            .AddEndpointFilter(new WebhookTelemetryFilter("twilio"))
            .AddEndpointFilter<TwilioSignatureFilter>()
            .AddEndpointFilter(TagCallSid)
            .DisableAntiforgery()
            .ExcludeFromDescription();
        twilio.MapPost("/voice", Voice);
        twilio.MapPost("/dial-result", DialResult);
        twilio.MapPost("/status", Status);
        return app;
    }

    /// <summary>Signed requests only: the CallSid goes on the request's span, so voice, dial-result and status of one call are found together.</summary>
    private static ValueTask<object?> TagCallSid(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.Request.HasFormContentType)
        {
            CallSpan.TagCallId(context.HttpContext.Request.Form["CallSid"].ToString());
        }

        return next(context);
    }

    /// <summary>POST /api/twilio/voice: an incoming call.</summary>
    internal static Task<IResult> Voice(HttpRequest request, TwilioCallHandler handler, CancellationToken ct) => handler.AnswerAsync(request, ct);

    /// <summary>POST /api/twilio/dial-result: Twilio's &lt;Dial action&gt; callback.</summary>
    internal static async Task<TwimlResult> DialResult(HttpRequest request, TwilioDialer dialer, TwilioCallHandler handler, CallRecordWriter records, TimeProvider time, ILogger<TwilioDialer> log, CancellationToken ct)
    {
        DialResultState? state = null;
        try
        {
            state = dialer.Link?.Read(request.Query);
            return NextAfterDial(request, state, dialer, records, time, log);
        }
        catch (Exception ex)
        {
            LogDialResultFault(log, ex);
        }

        // Go on from where the call is (the signed state says which step just ended), not from the route's first step.
        if (state is not null)
        {
            try
            {
                return dialer.AfterStep(state, request.Form["DialCallStatus"].ToString()).ToResult();
            }
            catch (Exception ex)
            {
                LogDialResultFault(log, ex);
            }
        }

        return await handler.DialResultFallbackAsync(request.Form, ct);
    }

    private static TwimlResult NextAfterDial(HttpRequest request, DialResultState? state, TwilioDialer dialer, CallRecordWriter records, TimeProvider time, ILogger log)
    {
        var form = request.Form;
        if (state is null)
        {
            LogBadActionLink(log, request.QueryString.Value?.Length ?? 0);
            return new TwimlResponse().Hangup().ToResult();
        }

        var status = form["DialCallStatus"].ToString();
        try
        {
            var step = state.Sequence.Steps[state.Step];
            records.Enqueue(new CallStepEnded
            {
                CallId = state.CallId,
                At = time.GetUtcNow(),
                AccountId = state.AccountId,
                StartedAt = state.StartedAt,
                Carrier = "twilio",
                Outcome = new CallStepOutcome(state.Step, step.Destinations, status.Length == 0 ? "failed" : status,
                    Int(form["DialSipResponseCode"]), Int(form["DialCallDuration"]), time.GetUtcNow()),
            });
        }
        catch (IOException ex)
        {
            LogRecordFailed(log, LogText.Of(state.CallId), ex.Message); // The spill folder is unwritable: the call still goes on.
        }

        return dialer.AfterStep(state, status).ToResult();
    }

    /// <summary>POST /api/twilio/status: the call's status callback.</summary>
    internal static TwimlResult Status(HttpRequest request, CallRecordWriter records, TimeProvider time, ILogger<TwilioDialer> log)
    {
        var form = request.Form;
        var callId = form["CallSid"].ToString();
        var status = form["CallStatus"].ToString();
        if (callId.Length > 0 && status is "completed" or "busy" or "no-answer" or "failed" or "canceled")
        {
            try
            {
                records.Enqueue(new CallEnded { CallId = callId, At = time.GetUtcNow(), Status = status, DurationSeconds = Int(form["CallDuration"]) });
            }
            catch (IOException ex)
            {
                LogRecordFailed(log, LogText.Of(callId), ex.Message);
            }
        }

        return new TwimlResponse().ToResult();
    }

    private static int? Int(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "SECURITY: signed Twilio dial-result with a missing or altered action URL (query of {Length} chars); hanging up")]
    private static partial void LogBadActionLink(ILogger logger, int length);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Error, Message = "Handling a dial result failed: going on with the call's next step, else its last-known route")]
    private static partial void LogDialResultFault(ILogger logger, Exception ex);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Error, Message = "Could not queue the record of call {CallId}: {Error}")]
    private static partial void LogRecordFailed(ILogger logger, string callId, string error);
}
