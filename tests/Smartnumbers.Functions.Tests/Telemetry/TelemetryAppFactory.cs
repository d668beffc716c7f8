using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Telemetry;

/// <summary>
/// The app with OpenTelemetry's in-memory exporter on its own tracer and meter providers (added after the app's
/// registrations, as an exporter is in production), and a log processor that keeps each record's call id.
/// </summary>
public sealed class TelemetryAppFactory : SmartnumbersAppFactory
{
    public const string CallerHashKey = "test-caller-hash-key";

    public TelemetryAppFactory() => Settings["Telemetry:CallerHashKey"] = CallerHashKey;

    public LockedCollection<Activity> Spans { get; } = new();

    public LockedCollection<MetricSnapshot> Metrics { get; } = new();

    public LockedCollection<(string Category, string? CallId)> Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans));
            s.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(Metrics));
            s.ConfigureOpenTelemetryLoggerProvider(l => l.AddProcessor(new LogCapture(Logs)));
        });
    }

    /// <summary>Collects every instrument now (cumulative totals) into <see cref="Metrics"/>.</summary>
    public void CollectMetrics() => Assert.True(Services.GetRequiredService<MeterProvider>().ForceFlush(5000));

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
