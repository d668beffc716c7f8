namespace Smartnumbers.Core.Calls;

/// <summary>
/// One incoming call, carrier-neutral. Build it with <see cref="Create"/>, which normalises the carrier's caller
/// text and recognises withheld callers in all their forms (see <see cref="CallerIdText"/>).
/// </summary>
public sealed record InboundCall
{
    private static readonly IReadOnlyDictionary<string, string> NoHints =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The carrier's call id (Twilio CallSid, ACS serverCallId/correlationId).</summary>
    public required string CallId { get; init; }
    public required Carrier Carrier { get; init; }
    /// <summary>The number dialled, normalised (E.164 when the carrier sent one).</summary>
    public required string CalledNumber { get; init; }
    /// <summary>The displayed caller ID (SIP From), normalised; null when withheld or unavailable.</summary>
    public string? PresentationNumber { get; init; }
    /// <summary>The network caller ID (P-Asserted-Identity) when the carrier exposes one, normalised; else null.</summary>
    public string? NetworkNumber { get; init; }
    /// <summary>True when the caller ID is withheld or unavailable (<see cref="CallerIdStatus"/> is not Presented).</summary>
    public bool Withheld => CallerIdStatus != CallerIdStatus.Presented;
    /// <summary>How the caller ID arrived: presented, withheld by privacy, or unavailable.</summary>
    public CallerIdStatus CallerIdStatus { get; init; }
    /// <summary>The caller text was a keypad-spelled withheld marker such as +266696687 ("ANONYMOUS").</summary>
    public bool KeypadSpelledWithheld { get; init; }
    /// <summary>The caller text exactly as the carrier sent it (for records; never logged at Information).</summary>
    public string? RawFrom { get; init; }
    /// <summary>Display name (ACS callerDisplayName; Twilio CallerName is in <see cref="Hints"/>).</summary>
    public string? DisplayName { get; init; }
    /// <summary>Carrier parameters, case-insensitive keys; well-known keys in <see cref="CallHints"/>.</summary>
    public IReadOnlyDictionary<string, string> Hints { get; init; } = NoHints;
    /// <summary>When the call arrived; the decision uses it for overrides' expiry and time-of-day rules.</summary>
    public required DateTimeOffset ArrivedAt { get; init; }

    /// <summary>
    /// Builds a call from carrier text. Never throws on odd caller data.
    /// </summary>
    /// <param name="from">
    /// Caller text: "+447…", "4:+447…", "anonymous", "sip:…", "client:Anonymous", "" … Pass null or "" when the carrier
    /// gave no caller identity at all (never a substitute such as "anonymous"): that is <see cref="CallerIdStatus.Unavailable"/>,
    /// which ICR rejects as missing.
    /// </param>
    /// <param name="carrierSaysAnonymous">
    /// True when the carrier flags privacy separately (ACS <c>isAnonymous</c>): the call is then
    /// <see cref="CallerIdStatus.Withheld"/> whatever <paramref name="from"/> holds, even nothing.
    /// </param>
    /// <param name="networkNumber">
    /// The network caller ID (P-Asserted-Identity) when known, as a number, URI or header value
    /// (<c>"Name" &lt;sip:+44…@host;user=phone&gt;</c>; the first of several identities); withheld forms count as absent.
    /// </param>
    public static InboundCall Create(
        string callId,
        Carrier carrier,
        string? calledNumber,
        string? from,
        DateTimeOffset arrivedAt,
        string? networkNumber = null,
        bool carrierSaysAnonymous = false,
        string? displayName = null,
        IReadOnlyDictionary<string, string>? hints = null)
    {
        var (status, number) = CallerIdText.Classify(from, out var keypad);
        if (carrierSaysAnonymous)
        {
            // The carrier's own privacy flag wins over the text: a flagged caller with no number chose privacy
            // (ACR's business), it is not missing (ICR's).
            status = CallerIdStatus.Withheld;
        }
        var (networkStatus, network) = CallerIdText.Classify(CallerIdText.IdentityHeaderAddress(networkNumber), out _);
        return new InboundCall
        {
            CallId = callId ?? "",
            Carrier = carrier,
            CalledNumber = CallerIdText.Strip(calledNumber),
            PresentationNumber = status == CallerIdStatus.Presented ? number : null,
            NetworkNumber = networkStatus == CallerIdStatus.Presented ? network : null,
            CallerIdStatus = status,
            KeypadSpelledWithheld = keypad,
            RawFrom = from,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
            Hints = CaseInsensitive(hints),
            ArrivedAt = arrivedAt,
        };
    }

    private static IReadOnlyDictionary<string, string> CaseInsensitive(IReadOnlyDictionary<string, string>? hints)
    {
        if (hints is null || hints.Count == 0)
        {
            return NoHints;
        }
        if (hints is Dictionary<string, string> d && d.Comparer == StringComparer.OrdinalIgnoreCase)
        {
            return d;
        }
        var copy = new Dictionary<string, string>(hints.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in hints)
        {
            if (key is not null)
            {
                copy[key] = value ?? "";
            }
        }
        return copy;
    }
}
