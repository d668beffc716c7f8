using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Smartnumbers.Functions.Telemetry;

/// <summary>
/// OpenTelemetry wiring. With APPLICATIONINSIGHTS_CONNECTION_STRING: the Azure Monitor distro (logs, traces, metrics;
/// ASP.NET Core, HttpClient and Azure SDK spans), authenticated with the managed identity when
/// APPLICATIONINSIGHTS_AUTHENTICATION_STRING says <c>Authorization=AAD</c>. Without it: the same spans, and the console
/// exporter when <see cref="TelemetryOptions.Console"/> (default: in Development). Either way the call id goes on every
/// span and log of a call (<see cref="CallSpan"/>). Nothing here connects or reads a file at start-up.
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
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section)
            .Validate(o => o.SamplingRatio is >= 0 and <= 1, "Telemetry:SamplingRatio must be between 0 and 1")
            .ValidateOnStart();
        services.AddSingleton<CallerHasher>();
        services.AddSingleton<SmartnumbersGauges>();
        // The Functions host polls "/" until the app answers: not a request worth a span.
        services.Configure<AspNetCoreTraceInstrumentationOptions>(o => o.Filter = ctx => ctx.Request.Path != "/");

        var telemetry = configuration.GetSection(TelemetryOptions.Section);
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("smartnumbers", serviceVersion: Version))
            // Processors first: they run before the exporters' processors, so exporters see the call id.
            .WithTracing(t => t.AddProcessor(new CallIdSpanProcessor()).AddSource(Name))
            .WithMetrics(m => m.AddMeter(Name))
            .WithLogging(l => l.AddProcessor(new CallIdLogProcessor()));
        services.ConfigureOpenTelemetryMeterProvider((sp, _) => sp.GetRequiredService<SmartnumbersGauges>());

        var appInsights = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        if (!string.IsNullOrEmpty(appInsights))
        {
            var ratio = telemetry.GetValue(nameof(TelemetryOptions.SamplingRatio), 1f);
            var liveMetrics = telemetry.GetValue(nameof(TelemetryOptions.LiveMetrics), false);
            var credential = AzureMonitorAuth.Credential(configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
            otel.UseAzureMonitor(o =>
            {
                o.ConnectionString = appInsights;
                o.SamplingRatio = ratio;
                o.EnableLiveMetrics = liveMetrics;
                if (credential is not null)
                {
                    o.Credential = credential;
                }
            });
            return services;
        }

        // The distro turns Azure SDK spans on itself; without it, do the same so local runs show Table Storage calls.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        var console = telemetry.GetValue<bool?>(nameof(TelemetryOptions.Console)) ?? environment.IsDevelopment();
        otel.WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddSource("Azure.*");
                if (console)
                {
                    t.AddConsoleExporter();
                }
            })
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (console)
                {
                    m.AddConsoleExporter();
                }
            });
        return services;
    }
}
