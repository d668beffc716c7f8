using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Smartnumbers.Functions.DeliveryHealth.Probes;

/// <summary>A minimal, RFC 3261-correct OPTIONS request and the identifiers its response must echo.</summary>
public sealed record SipOptionsRequest(string Branch, string CallId, string FromTag, string Text)
{
    public const string BranchMagicCookie = "z9hG4bK";

    /// <param name="localHost">The address the request is sent from (Via sent-by, Contact).</param>
    public static SipOptionsRequest Create(SipTarget target, string localHost, int localPort)
    {
        var branch = BranchMagicCookie + Token(12);
        var callId = Token(16) + "@" + localHost;
        var tag = Token(8);
        var transport = target.Tcp ? "TCP" : "UDP";
        var host = localHost.Contains(':', StringComparison.Ordinal) ? $"[{localHost}]" : localHost;
        var port = localPort.ToString(CultureInfo.InvariantCulture);
        var toHost = target.Host.Contains(':', StringComparison.Ordinal) ? $"[{target.Host}]" : target.Host;
        var text = new StringBuilder()
            .Append("OPTIONS ").Append(target.RequestUri).Append(" SIP/2.0\r\n")
            .Append("Via: SIP/2.0/").Append(transport).Append(' ').Append(host).Append(':').Append(port)
            .Append(";branch=").Append(branch).Append(";rport\r\n")
            .Append("Max-Forwards: 70\r\n")
            .Append("From: <sip:smartnumbers@").Append(host).Append(">;tag=").Append(tag).Append("\r\n")
            .Append("To: <sip:").Append(toHost).Append(':').Append(target.Port.ToString(CultureInfo.InvariantCulture)).Append(">\r\n")
            .Append("Call-ID: ").Append(callId).Append("\r\n")
            .Append("CSeq: 1 OPTIONS\r\n")
            .Append("Contact: <sip:smartnumbers@").Append(host).Append(':').Append(port)
            .Append(";transport=").Append(transport.ToLowerInvariant()).Append(">\r\n")
            .Append("Accept: application/sdp\r\n")
            .Append("User-Agent: Smartnumbers-health\r\n")
            .Append("Content-Length: 0\r\n\r\n")
            .ToString();
        return new SipOptionsRequest(branch, callId, tag, text);
    }

    /// <summary>True when <paramref name="response"/> answers this request (top Via branch, Call-ID and CSeq match).</summary>
    public bool IsAnsweredBy(SipResponse response) =>
        string.Equals(response.ViaBranch, Branch, StringComparison.Ordinal)
        && string.Equals(response.CallId, CallId, StringComparison.Ordinal)
        && response.CSeqNumber == 1
        && string.Equals(response.CSeqMethod, "OPTIONS", StringComparison.Ordinal);

    private static string Token(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
