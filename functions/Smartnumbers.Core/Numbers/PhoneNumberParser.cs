using System.Collections.Concurrent;
using PhoneNumbers;

namespace Smartnumbers.Core.Numbers;

/// <summary>
/// The one place that calls libphonenumber on the call path: one shared <see cref="PhoneNumberUtil"/> (thread-safe
/// for parse/validate), a cheap pre-check so garbage never reaches the exception path, and one parse per number.
/// Results are remembered (a number's parse never changes), up to <see cref="MaxRemembered"/> numbers, so a repeat
/// caller costs a dictionary lookup instead of libphonenumber's pattern matching.
/// </summary>
internal static class PhoneNumberParser
{
    internal static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Parses remembered; past it the memory is emptied and filled again (bounded, no eviction bookkeeping).</summary>
    public const int MaxRemembered = 100_000;

    private static readonly ConcurrentDictionary<(string Text, string Region), ParsedNumber> Remembered = new();

    /// <summary>Parses <paramref name="text"/> (already stripped by CallerIdText) in <paramref name="homeRegion"/>. Never throws.</summary>
    public static ParsedNumber Parse(string? text, string homeRegion)
    {
        if (string.IsNullOrEmpty(text))
        {
            return default;
        }

        if (Remembered.TryGetValue((text, homeRegion), out var known))
        {
            return known;
        }

        var parsed = ParseOnce(text, homeRegion);
        if (Remembered.Count >= MaxRemembered)
        {
            Remembered.Clear();
        }

        Remembered.TryAdd((text, homeRegion), parsed);
        return parsed;
    }

    private static ParsedNumber ParseOnce(string text, string homeRegion)
    {
        var dialable = IsDialable(text, out var digitCount);
        if (!dialable || digitCount < 3 || digitCount > 17 || !PlausibleCountryCode(text))
        {
            return new ParsedNumber { Text = text, E164 = text, Dialable = dialable };
        }
        try
        {
            // One type lookup answers validity too (libphonenumber: valid ⇔ type ≠ UNKNOWN for the number's region);
            // IsValidNumber and GetRegionCodeForNumber would each repeat the same pattern matching. A number the fast
            // path finds invalid is re-read by Parse, which may strip a national prefix ("+1 1 202…").
            var number = TryFastE164(text);
            var type = number is null ? PhoneNumberType.UNKNOWN : Util.GetNumberType(number);
            if (number is null || (type == PhoneNumberType.UNKNOWN && MayCarryNationalPrefix(number.CountryCode, text)))
            {
                number = Util.Parse(text, text[0] == '+' ? "ZZ" : homeRegion);
                type = Util.GetNumberType(number);
            }
            var e164 = Util.Format(number, PhoneNumberFormat.E164);
            return new ParsedNumber
            {
                Text = text,
                Dialable = true,
                Parsed = true,
                Valid = type != PhoneNumberType.UNKNOWN,
                Possible = Util.IsPossibleNumber(number),
                E164 = e164,
                CountryCode = number.CountryCode,
                National = e164.Substring(1 + CountryCodeLength(number.CountryCode)),
                Region = Util.GetRegionCodeForCountryCode(number.CountryCode),
                Type = type,
            };
        }
        catch (NumberParseException)
        {
            return new ParsedNumber { Text = text, E164 = text, Dialable = true };
        }
    }

    /// <summary>
    /// "+" and digits, a known country code (country codes are prefix-free, so the first 1–3 digit match is it) and a
    /// national number of 2–17 digits not starting with 0: built directly, as libphonenumber's Parse would, without its
    /// regex normalisation. Anything else (national form, leading zeros, extensions) goes through Parse.
    /// </summary>
    internal static PhoneNumber? TryFastE164(string text)
    {
        if (text.Length < 4 || text[0] != '+' || text[1] == '0')
        {
            return null;
        }
        var cc = 0;
        for (var i = 1; i <= 3 && i < text.Length; i++)
        {
            cc = (cc * 10) + (text[i] - '0');
            if (Util.GetRegionCodeForCountryCode(cc) == "ZZ")
            {
                continue;
            }
            var national = text.AsSpan(i + 1);
            if (national.Length is < 2 or > 17 || national[0] == '0' || !ulong.TryParse(national, out var nn))
            {
                return null;
            }
            return new PhoneNumber.Builder().SetCountryCode(cc).SetNationalNumber(nn).Build();
        }
        return null;
    }

    /// <summary>True for a valid E.164 number ("+" then digits, valid per libphonenumber).</summary>
    public static bool IsValidE164(string? text)
    {
        if (string.IsNullOrEmpty(text) || text[0] != '+')
        {
            return false;
        }
        var parsed = Parse(text, "ZZ");
        return parsed.Valid && parsed.E164 == text;
    }

    /// <summary>
    /// True when Parse might read <paramref name="text"/> differently from the fast path: the digits after the country
    /// code start with the region's national prefix, or the region parses national prefixes by pattern.
    /// </summary>
    private static bool MayCarryNationalPrefix(int countryCode, string text)
    {
        var region = Util.GetRegionCodeForCountryCode(countryCode);
        var metadata = region == "001" ? Util.GetMetadataForNonGeographicalRegion(countryCode) : Util.GetMetadataForRegion(region);
        if (metadata is null)
        {
            return true;
        }
        var forParsing = metadata.NationalPrefixForParsing;
        if (!string.IsNullOrEmpty(forParsing) && !forParsing.All(char.IsAsciiDigit))
        {
            return true;
        }
        var prefix = string.IsNullOrEmpty(forParsing) ? metadata.NationalPrefix : forParsing;
        return !string.IsNullOrEmpty(prefix) && text.AsSpan(1 + CountryCodeLength(countryCode)).StartsWith(prefix, StringComparison.Ordinal);
    }

    private static bool IsDialable(string text, out int digits)
    {
        digits = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                digits++;
            }
            else if (!(i == 0 && text[i] == '+'))
            {
                return false;
            }
        }
        return digits > 0;
    }

    private static bool PlausibleCountryCode(string text)
    {
        if (text[0] != '+')
        {
            return true;
        }
        if (text.Length < 2 || text[1] == '0')
        {
            return false;
        }
        var cc = 0;
        for (var i = 1; i <= 3 && i < text.Length; i++)
        {
            cc = (cc * 10) + (text[i] - '0');
            if (Util.GetRegionCodeForCountryCode(cc) != "ZZ")
            {
                return true;
            }
        }
        return false;
    }

    private static int CountryCodeLength(int cc) => cc < 10 ? 1 : cc < 100 ? 2 : 3;
}
