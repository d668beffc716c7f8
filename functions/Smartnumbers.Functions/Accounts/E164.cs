using Smartnumbers.Core.Configuration;

namespace Smartnumbers.Functions.Accounts;

/// <summary>
/// Number checks for URL segments, CSV cells and query parameters: the core's own rules (the ones every document is
/// validated with), so a number the API accepts in one place is accepted in every other.
/// </summary>
internal static class E164
{
    /// <summary>A valid E.164 number (libphonenumber), or an Ofcom drama-range number as used in the contract's examples.</summary>
    public static bool IsValid(string? value) => NumberConfig.IsValidNumber(value);

    /// <summary>
    /// Shaped like E.164 ("+", a non-zero digit, 6–14 more digits), without asking libphonenumber's metadata: the call
    /// path's test for "could an account own this number?", so that a metadata update never turns an owned number away.
    /// </summary>
    public static bool IsShaped(string? value)
    {
        if (value is not { Length: >= 8 and <= 16 } || value[0] != '+' || value[1] == '0')
        {
            return false;
        }

        foreach (var c in value.AsSpan(1))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A routable destination: an E.164 number or a sip:user@host URI.</summary>
    public static bool IsDestination(string? value) => RouteStep.IsValidDestination(value);

    /// <summary>A caller-list entry: an E.164 number, a prefix "+digits*", or "anonymous".</summary>
    public static bool IsListEntry(string value) => CallerList.ValidateEntry(value) is null;
}
