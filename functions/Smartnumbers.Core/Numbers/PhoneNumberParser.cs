using PhoneNumbers;

namespace Smartnumbers.Core.Numbers;

/// <summary>
/// The one place that calls libphonenumber on the call path: one shared <see cref="PhoneNumberUtil"/> (thread-safe
/// for parse/validate), a cheap pre-check so garbage never reaches the exception path, and one parse per number.
/// </summary>
internal static class PhoneNumberParser
{
    internal static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Parses <paramref name="text"/> (already stripped by CallerIdText) in <paramref name="homeRegion"/>. Never throws.</summary>
    public static ParsedNumber Parse(string? text, string homeRegion)
    {
        if (string.IsNullOrEmpty(text))
        {
            return default;
        }
        var dialable = IsDialable(text, out var digitCount);
        if (!dialable || digitCount < 3 || digitCount > 17 || !PlausibleCountryCode(text))
        {
            return new ParsedNumber { Text = text, E164 = text, Dialable = dialable };
        }
        try
        {
            var number = Util.Parse(text, text[0] == '+' ? "ZZ" : homeRegion);
            var valid = Util.IsValidNumber(number);
            var e164 = Util.Format(number, PhoneNumberFormat.E164);
            return new ParsedNumber
            {
                Text = text,
                Dialable = true,
                Parsed = true,
                Valid = valid,
                Possible = Util.IsPossibleNumber(number),
                E164 = e164,
                CountryCode = number.CountryCode,
                National = e164.Substring(1 + CountryCodeLength(number.CountryCode)),
                Region = valid ? Util.GetRegionCodeForNumber(number) : Util.GetRegionCodeForCountryCode(number.CountryCode),
                Type = valid ? Util.GetNumberType(number) : PhoneNumberType.UNKNOWN,
            };
        }
        catch (NumberParseException)
        {
            return new ParsedNumber { Text = text, E164 = text, Dialable = true };
        }
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
