using Microsoft.AspNetCore.Hosting;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Telemetry;

/// <summary>The app with its telemetry captured in memory (<see cref="TelemetryCapture"/>).</summary>
public sealed class TelemetryAppFactory : SmartnumbersAppFactory
{
    public TelemetryCapture Telemetry { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Telemetry.Attach(builder, Settings);
        base.ConfigureWebHost(builder);
    }
}
