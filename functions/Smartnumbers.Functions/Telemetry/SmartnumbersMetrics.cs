using System.Diagnostics;
using System.Diagnostics.Metrics;
using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Decisions;

namespace Smartnumbers.Functions.Telemetry;

/// <summary>
/// The instruments on meter <c>Smartnumbers</c> that dashboards and alerts rely on (docs/telemetry.md lists them).
/// Recording is cheap on the call path: tag values are constants or strings the caller already holds, tags go in a
/// <see cref="TagList"/> (no allocation up to 8 tags), durations come from <see cref="Stopwatch.GetTimestamp"/>.
/// </summary>
public static class SmartnumbersMetrics
{
    /// <summary>Decision latency buckets, in seconds, from 1 µs: an in-memory decision takes microseconds, a cold one milliseconds.</summary>
    public static readonly IReadOnlyList<double> DecisionBuckets =
        [0.000_001, 0.000_0025, 0.000_005, 0.000_01, 0.000_025, 0.000_05, 0.000_1, 0.000_25, 0.000_5,
         0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    /// <summary>Webhook latency buckets, in seconds: the alert's threshold (1 s) is a bucket boundary.</summary>
    public static readonly IReadOnlyList<double> WebhookBuckets =
        [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 10, 30];

    private static readonly Counter<long> Calls = SmartnumbersTelemetry.Meter.CreateCounter<long>(
        "smartnumbers.calls", description: "Inbound calls by outcome (tags: carrier, action, reason, source).");

    private static readonly Histogram<int> RiskScore = SmartnumbersTelemetry.Meter.CreateHistogram(
        "smartnumbers.call.risk_score", unit: null, description: "Risk score of scored calls (0-100).", tags: null,
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100] });

    private static readonly Histogram<double> DecisionDuration = SmartnumbersTelemetry.Meter.CreateHistogram(
        "smartnumbers.call.decision_duration", "s", "Time from a call reaching the pipeline to its decision.", null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = DecisionBuckets });

    private static readonly Histogram<double> WebhookDuration = SmartnumbersTelemetry.Meter.CreateHistogram(
        "smartnumbers.webhook.duration", "s", "Time to answer a carrier webhook (tags: carrier, route).", null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = WebhookBuckets });

    private static readonly Counter<long> Diverts = SmartnumbersTelemetry.Meter.CreateCounter<long>(
        "smartnumbers.diverts", description: "High-risk divert requests against the hourly cap (tag outcome: granted, cap_reached, unavailable).");

    private static readonly Counter<long> ProbeResults = SmartnumbersTelemetry.Meter.CreateCounter<long>(
        "smartnumbers.probe.results", description: "Delivery-health probe results (tags: kind, healthy).");

    private static readonly Counter<long> SiteTransitions = SmartnumbersTelemetry.Meter.CreateCounter<long>(
        "smartnumbers.site.transitions", description: "Site health transitions (tag to: down, up).");

    /// <summary>One call's outcome, its score and how long deciding took.</summary>
    public static void CallDecided(Carrier carrier, RoutingDecision decision, long startedAt)
    {
        var carrierTag = TagValues.Of(carrier);
        var tags = new TagList
        {
            { "carrier", carrierTag },
            { "action", TagValues.Of(decision.Action) },
            { "reason", decision.Reason },
            { "source", TagValues.Of(decision.Source) },
        };
        Calls.Add(1, tags);
        if (decision.Risk.Scored)
        {
            RiskScore.Record(decision.Risk.Score, new KeyValuePair<string, object?>("carrier", carrierTag));
        }

        DecisionDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, new KeyValuePair<string, object?>("carrier", carrierTag));
    }

    /// <summary>A call the pipeline did not decide: no account has the number (<paramref name="reason"/> "not-ours"), or its owner could not be read ("cannot-tell").</summary>
    public static void CallNotDecided(Carrier carrier, string reason, long startedAt)
    {
        var carrierTag = TagValues.Of(carrier);
        var tags = new TagList
        {
            { "carrier", carrierTag },
            { "action", TagValues.None },
            { "reason", reason },
            { "source", TagValues.None },
        };
        Calls.Add(1, tags);
        DecisionDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, new KeyValuePair<string, object?>("carrier", carrierTag));
    }

    public static void Webhook(string carrier, string route, long startedAt) =>
        WebhookDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds,
            new KeyValuePair<string, object?>("carrier", carrier), new KeyValuePair<string, object?>("route", route));

    /// <summary>A divert request: true granted, false cap reached, null the cap did not answer in time.</summary>
    public static void Divert(bool? granted) =>
        Diverts.Add(1, new KeyValuePair<string, object?>("outcome", granted switch { true => "granted", false => "cap_reached", null => "unavailable" }));

    public static void Probe(string kind, bool healthy) =>
        ProbeResults.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("healthy", healthy ? TagValues.True : TagValues.False));

    /// <summary>A site went down (<paramref name="down"/> true) or came back up.</summary>
    public static void SiteTransition(bool down) =>
        SiteTransitions.Add(1, new KeyValuePair<string, object?>("to", down ? "down" : "up"));
}
