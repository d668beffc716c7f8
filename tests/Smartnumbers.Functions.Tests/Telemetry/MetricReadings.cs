using OpenTelemetry.Metrics;

namespace Smartnumbers.Functions.Tests.Telemetry;

/// <summary>Reads the newest exported value of one instrument's point with given tags.</summary>
internal static class MetricReadings
{
    /// <summary>The newest snapshot of <paramref name="name"/>, or null when it was never exported.</summary>
    public static MetricSnapshot? Latest(TelemetryCapture app, string name)
    {
        app.CollectMetrics();
        return app.Metrics.Copy().LastOrDefault(m => m.Name == name);
    }

    /// <summary>Sum of a counter's point (0 when absent), or count of a histogram's point, with exactly these tags.</summary>
    public static long Value(TelemetryCapture app, string name, params (string Key, string Value)[] tags)
    {
        if (Latest(app, name) is not { } metric)
        {
            return 0;
        }

        foreach (var point in metric.MetricPoints)
        {
            if (!Matches(point, tags))
            {
                continue;
            }

            return metric.MetricType switch
            {
                MetricType.LongSum => point.GetSumLong(),
                MetricType.Histogram => point.GetHistogramCount(),
                MetricType.LongGauge => point.GetGaugeLastValueLong(),
                _ => throw new InvalidOperationException($"{name} is a {metric.MetricType}"),
            };
        }

        return 0;
    }

    public static Dictionary<string, string> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value?.ToString() ?? "";
        }

        return tags;
    }

    private static bool Matches(MetricPoint point, (string Key, string Value)[] wanted)
    {
        var tags = Tags(point);
        return tags.Count == wanted.Length && wanted.All(w => tags.TryGetValue(w.Key, out var v) && v == w.Value);
    }
}
