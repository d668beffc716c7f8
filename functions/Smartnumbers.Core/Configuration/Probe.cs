namespace Smartnumbers.Core.Configuration;

/// <summary>One health probe of a site.</summary>
public sealed record Probe
{
    public required ProbeKind Kind { get; init; }
    public required string Target { get; init; }
    /// <summary>Status codes counted healthy besides 2xx (SIP or HTTP). 408 is never healthy.</summary>
    public IReadOnlyList<int>? HealthyCodes { get; init; }
    /// <summary>Per-probe timeout in milliseconds (100–10000).</summary>
    public int TimeoutMs { get; init; } = 2000;

    internal void Validate(string field, List<FieldError> errors)
    {
        if (!Enum.IsDefined(Kind))
        {
            errors.Add(new($"{field}.kind", "One of sipOptions, http, tcp."));
        }
        else if (!IsValidTarget(Kind, Target))
        {
            errors.Add(new($"{field}.target", Kind switch
            {
                ProbeKind.SipOptions => "A SIP URI: sip:host[:port][;transport=udp|tcp].",
                ProbeKind.Http => "An absolute http:// or https:// URL.",
                _ => "host:port.",
            }));
        }
        ConfigChecks.Range(TimeoutMs, ConfigLimits.MinProbeTimeoutMs, ConfigLimits.MaxProbeTimeoutMs, $"{field}.timeoutMs", errors);
        for (var i = 0; i < (HealthyCodes?.Count ?? 0); i++)
        {
            var code = HealthyCodes![i];
            if (code is < 100 or > 699 || code == 408)
            {
                errors.Add(new($"{field}.healthyCodes[{i}]", "A status code 100–699; 408 never counts as healthy."));
            }
        }
    }

    private static bool IsValidTarget(ProbeKind kind, string? target)
    {
        if (string.IsNullOrWhiteSpace(target) || target.Any(char.IsWhiteSpace))
        {
            return false;
        }
        switch (kind)
        {
            case ProbeKind.SipOptions:
                if (!target.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) && !target.StartsWith("sips:", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
                var rest = target[(target.IndexOf(':') + 1)..].Split(';')[0];
                var host = rest[(rest.IndexOf('@') + 1)..];
                return Uri.CheckHostName(HostOf(host)) != UriHostNameType.Unknown;
            case ProbeKind.Http:
                return Uri.TryCreate(target, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
            default:
                var colon = target.LastIndexOf(':');
                return colon > 0 && int.TryParse(target.AsSpan(colon + 1), out var port) && port is > 0 and < 65536
                       && Uri.CheckHostName(target[..colon].Trim('[', ']')) != UriHostNameType.Unknown;
        }
    }

    private static string HostOf(string hostPort)
    {
        if (hostPort.StartsWith('['))
        {
            var end = hostPort.IndexOf(']');
            return end > 0 ? hostPort[1..end] : hostPort;
        }
        var colon = hostPort.LastIndexOf(':');
        return colon > 0 ? hostPort[..colon] : hostPort;
    }
}
