using System.Globalization;

namespace Smartnumbers.Functions.DeliveryHealth.Probes;

/// <summary>The parts of a SIP response a probe checks.</summary>
public sealed record SipResponse(int StatusCode, string Reason, string? ViaBranch, string? CallId, long CSeqNumber, string? CSeqMethod, int ContentLength)
{
    public bool IsProvisional => StatusCode is >= 100 and < 200;

    /// <summary>Parses the start line and headers (compact forms v, i, l included); null if it is not a SIP response.</summary>
    public static SipResponse? TryParse(string message)
    {
        var headerEnd = message.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = headerEnd < 0 ? message : message[..headerEnd];
        var lines = head.Split("\r\n");
        var status = lines[0].Split(' ', 3);
        if (status.Length < 2 || !string.Equals(status[0], "SIP/2.0", StringComparison.Ordinal)
            || status[1].Length != 3 || !int.TryParse(status[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code < 100)
        {
            return null;
        }

        string? branch = null, callId = null, cseqMethod = null;
        long cseq = -1;
        var contentLength = 0;
        var sawVia = false;
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (name)
            {
                case "via" or "v" when !sawVia:
                    sawVia = true;
                    branch = ParamOf(value.Split(',')[0], "branch");
                    break;
                case "call-id" or "i":
                    callId = value;
                    break;
                case "cseq":
                    var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    {
                        cseq = n;
                        cseqMethod = parts[1];
                    }

                    break;
                case "content-length" or "l":
                    _ = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out contentLength);
                    break;
            }
        }

        return new SipResponse(code, status.Length > 2 ? status[2] : "", branch, callId, cseq, cseqMethod, contentLength);
    }

    private static string? ParamOf(string via, string name)
    {
        foreach (var p in via.Split(';').Skip(1))
        {
            var kv = p.Split('=', 2);
            if (kv[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return kv.Length == 2 ? kv[1].Trim() : "";
            }
        }

        return null;
    }
}
