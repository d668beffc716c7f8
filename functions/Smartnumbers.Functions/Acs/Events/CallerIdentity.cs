using Smartnumbers.Functions.Acs.Rest;

namespace Smartnumbers.Functions.Acs.Events;

/// <summary>
/// A party of an IncomingCall read defensively: <c>isAnonymous</c> may be missing, <c>kind</c> may be "unknown" or
/// oddly cased, <c>phoneNumber</c> may be empty; the rawId prefix (4: phone, 8: ACS/Teams) decides then.
/// </summary>
/// <param name="Number">E.164 when the party is a phone number that is not withheld.</param>
public sealed record CallerIdentity(string RawId, string? Number, bool Withheld, bool IsPhone)
{
    public static CallerIdentity From(CommunicationIdentifierModel? id)
    {
        var raw = id?.RawId ?? "";
        var value = id?.PhoneNumber?.Value;
        var isPhone = id?.PhoneNumber is not null
            || string.Equals(id?.Kind, "phoneNumber", StringComparison.OrdinalIgnoreCase)
            || raw.StartsWith("4:", StringComparison.Ordinal);
        var withheld = id?.PhoneNumber?.IsAnonymous == true
            || string.Equals(value, "anonymous", StringComparison.OrdinalIgnoreCase)
            || string.Equals(raw, "4:anonymous", StringComparison.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(value) && raw.StartsWith("4:", StringComparison.Ordinal))
        {
            value = raw[2..];
        }

        // rawId may carry an asserted-id suffix after the last '_'.
        if (value is not null && value.LastIndexOf('_') is var underscore and > 0)
        {
            value = value[..underscore];
        }

        var number = isPhone && !withheld && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        return new CallerIdentity(raw, number, withheld, isPhone);
    }
}
