using System.Globalization;

namespace Smartnumbers.Functions.DeliveryHealth.Probes;

/// <summary>A parsed SIP OPTIONS probe target: <c>sip:host[:port][;transport=udp|tcp]</c>.</summary>
public sealed record SipTarget(string RequestUri, string Host, int Port, bool Tcp)
{
    public static SipTarget Parse(string target)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        if (!target.StartsWith("sip:", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"'{target}' is not a sip: URI");
        }

        var rest = target[4..];
        var parameters = rest.Split(';');
        var hostPort = parameters[0];
        var at = hostPort.LastIndexOf('@');
        if (at >= 0)
        {
            hostPort = hostPort[(at + 1)..];
        }

        var tcp = false;
        foreach (var p in parameters.Skip(1))
        {
            var kv = p.Split('=', 2);
            if (kv[0].Equals("transport", StringComparison.OrdinalIgnoreCase) && kv.Length == 2)
            {
                tcp = kv[1].ToLowerInvariant() switch
                {
                    "udp" => false,
                    "tcp" => true,
                    _ => throw new FormatException($"'{target}': transport '{kv[1]}' is not udp or tcp"),
                };
            }
        }

        string host;
        var port = 5060;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            host = hostPort[1..close];
            if (close + 1 < hostPort.Length && hostPort[close + 1] == ':')
            {
                port = ParsePort(hostPort[(close + 2)..], target);
            }
        }
        else
        {
            var colon = hostPort.LastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort[..colon];
            if (colon >= 0)
            {
                port = ParsePort(hostPort[(colon + 1)..], target);
            }
        }

        if (host.Length == 0)
        {
            throw new FormatException($"'{target}' has no host");
        }

        return new SipTarget(target, host, port, tcp);
    }

    private static int ParsePort(string text, string target) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? port
            : throw new FormatException($"'{target}': '{text}' is not a port");
}
