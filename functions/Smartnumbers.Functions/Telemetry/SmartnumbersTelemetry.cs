using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Smartnumbers.Functions.Telemetry;

/// <summary>
/// OpenTelemetry wiring: one span per webhook (ASP.NET Core instrumentation) and per timer run (<see cref="Source"/>).
/// Azure Monitor when APPLICATIONINSIGHTS_CONNECTION_STRING is set; otherwise the console exporter when
/// Telemetry__Console is true (the default in Development).
/// </summary>
public static class SmartnumbersTelemetry
{
    public const string Name = "Smartnumbers";
    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    /// <summary>The build version reported by /api/health and on every span.</summary>
    public static string Version { get; } =
        typeof(SmartnumbersTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static IServiceCollection AddSmartnumbersTelemetry(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var appInsights = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        var console = configuration.GetValue("Telemetry:Console", environment.IsDevelopment());

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("smartnumbers", serviceVersion: Version))
            .WithTracing(t =>
            {
                t.AddSource(Name).AddAspNetCoreInstrumentation(o => o.Filter = ctx => ctx.Request.Path != "/");
                if (!string.IsNullOrEmpty(appInsights))
                {
                    t.AddAzureMonitorTraceExporter(o => o.ConnectionString = appInsights);
                }
                else if (console)
                {
                    t.AddConsoleExporter();
                }
            })
            .WithMetrics(m =>
            {
                m.AddMeter(Name).AddAspNetCoreInstrumentation();
                if (!string.IsNullOrEmpty(appInsights))
                {
                    m.AddAzureMonitorMetricExporter(o => o.ConnectionString = appInsights);
                }
            });
        return services;
    }
}
