using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.DeliveryHealth.Probes;

namespace Smartnumbers.Functions.Tests.DeliveryHealth;

public sealed class SipOptionsProbeTests(KamailioPeers peers) : IClassFixture<KamailioPeers>
{
    private static Probe Sip(string target, int timeoutMs = 2000, IReadOnlyList<int>? healthy = null) =>
        new() { Kind = ProbeKind.SipOptions, Target = target, TimeoutMs = timeoutMs, HealthyCodes = healthy };

    [Fact]
    public async Task Kamailio_answering_200_over_udp_is_healthy()
    {
        var result = await SipOptionsProber.ProbeAsync(Sip(peers.Healthy.UdpTarget), CancellationToken.None);

        Assert.True(result.Healthy, result.Detail);
        Assert.Equal("200 OK", result.Detail);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(1), $"took {result.Elapsed}");
    }

    [Fact]
    public async Task Kamailio_answering_200_over_tcp_is_healthy()
    {
        var result = await SipOptionsProber.ProbeAsync(Sip(peers.Healthy.TcpTarget), CancellationToken.None);

        Assert.True(result.Healthy, result.Detail);
        Assert.Equal("200 OK", result.Detail);
    }

    [Theory]
    [InlineData("udp")]
    [InlineData("tcp")]
    public async Task Kamailio_answering_503_is_unhealthy_unless_503_is_configured_healthy(string transport)
    {
        var target = $"sip:127.0.0.1:{peers.Unavailable.Port};transport={transport}";

        var plain = await SipOptionsProber.ProbeAsync(Sip(target), CancellationToken.None);
        var configured = await SipOptionsProber.ProbeAsync(Sip(target, healthy: [503]), CancellationToken.None);

        Assert.False(plain.Healthy);
        Assert.Equal("503 Service Unavailable", plain.Detail);
        Assert.True(configured.Healthy, configured.Detail);
    }

    [Fact]
    public async Task Stopped_kamailio_is_unhealthy_over_udp_and_tcp_and_healthy_again_when_restarted()
    {
        using var peer = KamailioPeer.Start();
        Assert.True((await SipOptionsProber.ProbeAsync(Sip(peer.UdpTarget), CancellationToken.None)).Healthy);

        peer.Stop();
        var udp = await SipOptionsProber.ProbeAsync(Sip(peer.UdpTarget, timeoutMs: 600), CancellationToken.None);
        var tcp = await SipOptionsProber.ProbeAsync(Sip(peer.TcpTarget, timeoutMs: 600), CancellationToken.None);
        Assert.False(udp.Healthy);
        Assert.False(tcp.Healthy);
        Assert.True(udp.Elapsed < TimeSpan.FromSeconds(2), $"udp took {udp.Elapsed}");

        peer.Restart();
        Assert.True((await SipOptionsProber.ProbeAsync(Sip(peer.TcpTarget), CancellationToken.None)).Healthy);
    }
}
