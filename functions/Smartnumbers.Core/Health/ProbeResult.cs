namespace Smartnumbers.Core.Health;

/// <summary>One probe's answer in one round.</summary>
/// <param name="Probe">What was probed, e.g. "sipOptions sip:10.0.0.1:5060;transport=udp".</param>
/// <param name="Detail">Short reason, e.g. "200 OK", "timeout after 500 ms".</param>
public sealed record ProbeResult(string Probe, bool Healthy, string Detail, TimeSpan Elapsed);
