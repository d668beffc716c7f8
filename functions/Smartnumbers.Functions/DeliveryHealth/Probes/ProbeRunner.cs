using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Health;

namespace Smartnumbers.Functions.DeliveryHealth.Probes;

/// <summary>Runs one probe of any kind, never throwing for a failed peer (a failure is an unhealthy result).</summary>
internal sealed class ProbeRunner(HttpProber http)
{
    public Task<ProbeResult> RunAsync(Probe probe, CancellationToken cancellationToken) => probe.Kind switch
    {
        ProbeKind.SipOptions => SipOptionsProber.ProbeAsync(probe, cancellationToken),
        ProbeKind.Http => http.ProbeAsync(probe, cancellationToken),
        ProbeKind.Tcp => TcpProber.ProbeAsync(probe, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(probe), probe.Kind, "unknown probe kind"),
    };
}
