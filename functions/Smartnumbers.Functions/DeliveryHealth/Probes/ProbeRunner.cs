using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Health;
using Smartnumbers.Functions.Telemetry;

namespace Smartnumbers.Functions.DeliveryHealth.Probes;

/// <summary>
/// Runs one probe of any kind, never throwing for a failed peer (a failure is an unhealthy result), and counts the result
/// (<c>smartnumbers.probe.results</c>, tags kind and healthy).
/// </summary>
internal sealed class ProbeRunner(HttpProber http)
{
    public async Task<ProbeResult> RunAsync(Probe probe, CancellationToken cancellationToken)
    {
        var result = await ProbeAsync(probe, cancellationToken);
        SmartnumbersMetrics.Probe(KindTag(probe.Kind), result.Healthy);
        return result;
    }

    private static string KindTag(ProbeKind kind) => kind switch
    {
        ProbeKind.SipOptions => "sipOptions",
        ProbeKind.Http => "http",
        ProbeKind.Tcp => "tcp",
        _ => "other",
    };

    private Task<ProbeResult> ProbeAsync(Probe probe, CancellationToken cancellationToken) => probe.Kind switch
    {
        ProbeKind.SipOptions => SipOptionsProber.ProbeAsync(probe, cancellationToken),
        ProbeKind.Http => http.ProbeAsync(probe, cancellationToken),
        ProbeKind.Tcp => TcpProber.ProbeAsync(probe, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(probe), probe.Kind, "unknown probe kind"),
    };
}
