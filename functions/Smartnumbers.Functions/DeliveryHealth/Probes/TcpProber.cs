using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Health;

namespace Smartnumbers.Functions.DeliveryHealth.Probes;

/// <summary>TCP connect to <c>host:port</c> (or <c>tcp://host:port</c>): healthy when the connection is accepted in time.</summary>
internal static class TcpProber
{
    public static async Task<ProbeResult> ProbeAsync(Probe probe, CancellationToken cancellationToken)
    {
        var name = $"tcp {probe.Target}";
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(probe.TimeoutMs);
        try
        {
            var (host, port) = Parse(probe.Target);
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, timeout.Token);
            return new ProbeResult(name, true, "connected", clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(name, false, $"no connection within {probe.TimeoutMs} ms", clock.Elapsed);
        }
        catch (Exception ex) when (ex is SocketException or FormatException)
        {
            return new ProbeResult(name, false, ex.Message, clock.Elapsed);
        }
    }

    public static (string Host, int Port) Parse(string target)
    {
        var text = target.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase) ? target[6..] : target;
        text = text.TrimEnd('/');
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new FormatException($"'{target}' is not host:port");
        }

        return (text[..colon].Trim('[', ']'), port);
    }
}
