using Microsoft.AspNetCore.Hosting;
using Smartnumbers.Functions.Tests.Acs;

namespace Smartnumbers.Functions.Tests.Telemetry;

/// <summary>The ACS app deciding with the real core, its telemetry captured in memory.</summary>
public sealed class AcsTelemetryAppFactory : AcsAppFactory
{
    public TelemetryCapture Telemetry { get; } = new();

    protected override bool UseTestRouter => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Telemetry.Attach(builder, Settings);
        base.ConfigureWebHost(builder);
    }
}
