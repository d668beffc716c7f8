using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Smartnumbers.Functions.Tests.Telemetry;

/// <summary>
/// OpenTelemetry's in-memory exporter on an app's own tracer and meter providers (added after the app's registrations,
/// as an exporter is in production), and a log processor that keeps each record's category and call id.
/// </summary>
public sealed class TelemetryCapture
{
    public const string CallerHashKey = "test-caller-hash-key";

    private IServiceProvider? _services;

    public LockedCollection<Activity> Spans { get; } = new();

    public LockedCollection<MetricSnapshot> Metrics { get; } = new();

    public LockedCollection<(string Category, string? CallId)> Logs { get; } = new();

    public void Attach(IWebHostBuilder builder, Dictionary<string, string?> settings)
    {
        settings["Telemetry:CallerHashKey"] = CallerHashKey;
        builder.ConfigureTestServices(s =>
        {
            s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans));
            s.ConfigureOpenTelemetryMeterProvider((sp, m) =>
            {
                _services = sp;
                m.AddInMemoryExporter(Metrics);
            });
            s.ConfigureOpenTelemetryLoggerProvider(l => l.AddProcessor(new LogCapture(Logs)));
        });
    }

    /// <summary>Collects every instrument now (cumulative totals) into <see cref="Metrics"/>.</summary>
    public void CollectMetrics() =>
        Assert.True((_services ?? throw new InvalidOperationException("the app has not started")).GetRequiredService<MeterProvider>().ForceFlush(5000));

    private sealed class LogCapture(LockedCollection<(string, string?)> logs) : BaseProcessor<LogRecord>
    {
        public override void OnEnd(LogRecord data)
        {
            string? callId = null;
            foreach (var (key, value) in data.Attributes ?? [])
            {
                if (key == "smartnumbers.call_id")
                {
                    callId = value?.ToString();
                }
            }

            logs.Add((data.CategoryName ?? "", callId));
        }
    }
}
