using Microsoft.Extensions.Options;

namespace Smartnumbers.Functions.Acs;

/// <summary>Warns at start-up when ACS is configured without Acs__CallerId: its routes then lose features silently.</summary>
internal sealed class AcsStartupCheck(IOptions<AcsOptions> options, ILogger<AcsStartupCheck> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (AcsHealth.From(options.Value) is { Configured: true, CallerId: false } health)
        {
            AcsLog.CallerIdMissing(log, string.Join(", ", health.Degraded));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
