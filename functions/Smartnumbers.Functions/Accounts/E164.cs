using PhoneNumbers;

namespace Smartnumbers.Functions.Accounts;

/// <summary>
/// E.164 checks via libphonenumber: a number of a possible length for its country, written exactly in its E.164 form.
/// Possible rather than "valid": Ofcom's drama ranges (+447700900xxx, used throughout the contract's examples) are
/// deliberately outside the allocated ranges, and numbering plans change faster than the metadata.
/// </summary>
internal static class E164
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value[0] != '+')
        {
            return false;
        }

        try
        {
            var number = Util.Parse(value, null);
            return Util.IsPossibleNumber(number) && Util.Format(number, PhoneNumberFormat.E164) == value;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>A routable destination: an E.164 number or a sip: URI.</summary>
    public static bool IsDestination(string? value) =>
        IsValid(value) || (value is not null && value.StartsWith("sip:", StringComparison.OrdinalIgnoreCase)
            && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == "sip" && value.Length <= 256);

    /// <summary>A caller-list entry: an E.164 number, a prefix "+digits*", or "anonymous".</summary>
    public static bool IsListEntry(string value) =>
        value == "anonymous" || IsValid(value)
        || (value.Length is >= 3 and <= 16 && value[0] == '+' && value[^1] == '*' && value[1..^1].All(char.IsAsciiDigit));

    public static bool IsRegion(string region) => Util.GetSupportedRegions().Contains(region);
}
