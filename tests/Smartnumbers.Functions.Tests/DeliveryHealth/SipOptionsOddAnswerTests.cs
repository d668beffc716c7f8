using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.DeliveryHealth.Probes;

namespace Smartnumbers.Functions.Tests.DeliveryHealth;

/// <summary>Answers no well-behaved SIP server gives on demand, from an in-test UDP peer (in addition to the Kamailio tests).</summary>
public sealed class SipOptionsOddAnswerTests
{
    private static Task<Core.Health.ProbeResult> Probe(string target, int timeoutMs = 800) =>
        SipOptionsProber.ProbeAsync(new Probe { Kind = ProbeKind.SipOptions, Target = target, TimeoutMs = timeoutMs }, CancellationToken.None);

    [Fact]
    public async Task A_response_with_another_branch_is_ignored_so_the_probe_times_out()
    {
        using var peer = new UdpSipResponder((req, _) => [UdpSipResponder.Reply(req, "200 OK", branchOverride: "z9hG4bKsomeoneelse")]);

        var result = await Probe(peer.Target, 700);

        Assert.False(result.Healthy);
        Assert.Contains("no final answer", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_408_is_never_healthy()
    {
        using var peer = new UdpSipResponder((req, _) => [UdpSipResponder.Reply(req, "408 Request Timeout")]);

        var result = await Probe(peer.Target);

        Assert.False(result.Healthy);
        Assert.Equal("408 Request Timeout", result.Detail);
    }

    [Fact]
    public async Task A_provisional_answer_is_skipped_and_the_final_200_counts()
    {
        using var peer = new UdpSipResponder((req, _) => [UdpSipResponder.Reply(req, "100 Trying"), UdpSipResponder.Reply(req, "200 OK")]);

        var result = await Probe(peer.Target);

        Assert.True(result.Healthy, result.Detail);
        Assert.Equal("200 OK", result.Detail);
    }

    [Fact]
    public async Task A_lost_request_is_retransmitted_and_the_answer_to_the_retransmission_counts()
    {
        using var peer = new UdpSipResponder((req, n) => n == 1 ? [] : [UdpSipResponder.Reply(req, "200 OK")]);

        var result = await Probe(peer.Target, 1500);

        Assert.True(result.Healthy, result.Detail);
        Assert.True(peer.Requests.Count >= 2);
    }

    [Fact]
    public async Task The_request_is_a_well_formed_options_request()
    {
        using var peer = new UdpSipResponder((req, _) => [UdpSipResponder.Reply(req, "200 OK")]);

        await Probe(peer.Target);

        var request = Assert.Single(peer.Requests);
        var lines = request.Split("\r\n");
        Assert.Equal($"OPTIONS {peer.Target} SIP/2.0", lines[0]);
        Assert.Matches(@"^Via: SIP/2\.0/UDP 127\.0\.0\.1:\d+;branch=z9hG4bK[0-9a-f]+;rport$", lines[1]);
        Assert.Contains("Max-Forwards: 70", lines);
        Assert.Contains("CSeq: 1 OPTIONS", lines);
        Assert.Contains("Accept: application/sdp", lines);
        Assert.Contains(lines, l => l.StartsWith("From: <sip:smartnumbers@127.0.0.1>;tag=", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Call-ID: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Contact: <sip:smartnumbers@127.0.0.1:", StringComparison.Ordinal));
        Assert.EndsWith("Content-Length: 0\r\n\r\n", request, StringComparison.Ordinal);
    }
}
