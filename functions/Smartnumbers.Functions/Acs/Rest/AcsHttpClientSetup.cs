using Azure.Identity;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>
/// The Call Automation HttpClient: a total budget per operation (Acs__OperationTimeoutSeconds, within the 30 s ring),
/// retries with jittered exponential back-off on transient failures for repeatable operations only, a per-attempt
/// timeout, and authentication innermost so every attempt is signed afresh.
/// </summary>
internal static class AcsHttpClientSetup
{
    public static IServiceCollection AddCallAutomationClient(this IServiceCollection services)
    {
        services.AddSingleton(_ => new DefaultAzureCredential());
        services.AddHttpClient<CallAutomationClient>(CallAutomationClient.HttpClientName, (sp, http) =>
            {
                var o = sp.GetRequiredService<IOptions<AcsOptions>>().Value;
                http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns time
                if (BaseAddress(o) is { } baseAddress)
                {
                    http.BaseAddress = baseAddress;
                }
            })
            .AddResilienceHandler("acs", (builder, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<AcsOptions>>().Value;
                builder
                    .AddTimeout(TimeSpan.FromSeconds(o.OperationTimeoutSeconds))
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = 3,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromMilliseconds(200),
                        ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Context) && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                    })
                    .AddTimeout(TimeSpan.FromSeconds(o.AttemptTimeoutSeconds));
            })
            .Services.AddHttpClient(CallAutomationClient.HttpClientName)
            .AddHttpMessageHandler(AuthenticationHandler);
        return services;
    }

    /// <summary>The handler that authenticates every attempt to ACS: HMAC with the connection string's key, else an Entra token.</summary>
    public static DelegatingHandler AuthenticationHandler(IServiceProvider sp)
    {
        var o = sp.GetRequiredService<IOptions<AcsOptions>>().Value;
        var time = sp.GetRequiredService<TimeProvider>();
        if (AcsConnectionString.TryParse(o.ConnectionString, out var cs, out _))
        {
            return new AcsHmacHandler(cs!, time);
        }

        return string.IsNullOrWhiteSpace(o.Endpoint)
            ? new AcsNotConfiguredHandler()
            : new AcsBearerTokenHandler(sp.GetRequiredService<DefaultAzureCredential>(), time);
    }

    /// <summary>The ACS resource's base address from the connection string or endpoint; null when neither is set.</summary>
    public static Uri? BaseAddress(AcsOptions o) =>
        AcsConnectionString.TryParse(o.ConnectionString, out var cs, out _) ? cs!.Endpoint
        : Uri.TryCreate(o.Endpoint, UriKind.Absolute, out var endpoint) ? endpoint : null;

    private static bool IsRetryable(ResilienceContext context) =>
        context.GetRequestMessage() is { } request && request.Options.TryGetValue(CallAutomationClient.Retryable, out var retryable) && retryable;
}
