using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Health;

namespace Smartnumbers.Functions.DeliveryHealth.Probes;

/// <summary>
/// SIP OPTIONS over UDP (retransmitted at T1 = 500 ms, doubling) or TCP (Content-Length framing). Provisional 1xx
/// answers are skipped; a final answer is healthy when 2xx or one of the probe's healthy codes, never 408.
/// </summary>
internal static class SipOptionsProber
{
    private static readonly TimeSpan T1 = TimeSpan.FromMilliseconds(500);

    public static async Task<ProbeResult> ProbeAsync(Probe probe, CancellationToken cancellationToken)
    {
        var name = $"sipOptions {probe.Target}";
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(probe.TimeoutMs);
        try
        {
            var target = SipTarget.Parse(probe.Target);
            var address = await ResolveAsync(target.Host, timeout.Token);
            var endpoint = new IPEndPoint(address, target.Port);
            var response = target.Tcp
                ? await ExchangeTcpAsync(target, endpoint, timeout.Token)
                : await ExchangeUdpAsync(target, endpoint, timeout.Token);
            var healthy = ProbeCodes.IsHealthy(response.StatusCode, probe.HealthyCodes);
            return new ProbeResult(name, healthy, $"{response.StatusCode} {response.Reason}".Trim(), clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(name, false, $"no final answer within {probe.TimeoutMs} ms", clock.Elapsed);
        }
        catch (Exception ex) when (ex is SocketException or FormatException or IOException or InvalidDataException)
        {
            return new ProbeResult(name, false, ex.Message, clock.Elapsed);
        }
    }

    private static async Task<IPAddress> ResolveAsync(string host, CancellationToken ct)
    {
        if (IPAddress.TryParse(host, out var ip))
        {
            return ip;
        }

        var addresses = await Dns.GetHostAddressesAsync(host, ct);
        return addresses.FirstOrDefault() ?? throw new SocketException((int)SocketError.HostNotFound);
    }

    private static async Task<SipResponse> ExchangeUdpAsync(SipTarget target, IPEndPoint endpoint, CancellationToken ct)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        await socket.ConnectAsync(endpoint, ct);
        var local = (IPEndPoint)socket.LocalEndPoint!;
        var request = SipOptionsRequest.Create(target, local.Address.ToString(), local.Port);
        var bytes = Encoding.UTF8.GetBytes(request.Text);
        var buffer = new byte[65535];
        var interval = T1;
        var provisional = false;
        await socket.SendAsync(bytes, SocketFlags.None, ct);
        while (true)
        {
            // Retransmit until a provisional answer arrives (RFC 3261 17.1.2.2, timer E), then just wait.
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            if (!provisional)
            {
                wait.CancelAfter(interval);
            }

            int received;
            try
            {
                received = await socket.ReceiveAsync(buffer, SocketFlags.None, wait.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                await socket.SendAsync(bytes, SocketFlags.None, ct);
                interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, TimeSpan.FromSeconds(4).Ticks));
                continue;
            }

            var response = SipResponse.TryParse(Encoding.UTF8.GetString(buffer, 0, received));
            if (response is null || !request.IsAnsweredBy(response))
            {
                continue;
            }

            if (!response.IsProvisional)
            {
                return response;
            }

            provisional = true;
        }
    }

    private static async Task<SipResponse> ExchangeTcpAsync(SipTarget target, IPEndPoint endpoint, CancellationToken ct)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endpoint, ct);
        var local = (IPEndPoint)socket.LocalEndPoint!;
        var request = SipOptionsRequest.Create(target, local.Address.ToString(), local.Port);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.Text), ct);
        var reader = new SipStreamReader(stream);
        while (true)
        {
            var message = await reader.ReadMessageAsync(ct) ?? throw new IOException("the peer closed the connection without a final answer");
            var response = SipResponse.TryParse(message);
            if (response is not null && request.IsAnsweredBy(response) && !response.IsProvisional)
            {
                return response;
            }
        }
    }
}
