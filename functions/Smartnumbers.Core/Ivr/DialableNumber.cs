using PhoneNumbers;

namespace Smartnumbers.Core.Ivr;

/// <summary>
/// Whether a caller's number can become a personal-override destination (IVR option 8): a valid number of a type a
/// call can be put through to (fixed, mobile, VoIP, personal, toll-free, UAN), never premium rate, shared cost,
/// pager or voicemail access, and never a withheld caller. Ofcom's drama ranges for mobiles (07700 900xxx) and
/// geographic numbers (0113 496 0xxx and the like) count as mobile and fixed, as the configuration checks accept them.
/// </summary>
public static class DialableNumber
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The caller's number in E.164 when dialable; otherwise null.</summary>
    /// <param name="presentationNumber">The presented caller ID (null when withheld).</param>
    /// <param name="homeRegion">ISO region used for numbers without a country code.</param>
    public static string? From(string? presentationNumber, string homeRegion)
    {
        if (string.IsNullOrWhiteSpace(presentationNumber))
        {
            return null;
        }

        try
        {
            var number = Util.Parse(presentationNumber, homeRegion);
            if (IsDramaRange(number))
            {
                return Util.Format(number, PhoneNumberFormat.E164);
            }

            if (!Util.IsValidNumber(number))
            {
                return null;
            }

            return Util.GetNumberType(number) switch
            {
                PhoneNumberType.FIXED_LINE or PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE or PhoneNumberType.VOIP
                    or PhoneNumberType.PERSONAL_NUMBER or PhoneNumberType.TOLL_FREE or PhoneNumberType.UAN
                    => Util.Format(number, PhoneNumberFormat.E164),
                _ => null,
            };
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static bool IsDramaRange(PhoneNumber number)
    {
        if (number.CountryCode != 44)
        {
            return false;
        }

        var national = number.NationalNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return national.Length == 10 && (national.StartsWith("7700900", StringComparison.Ordinal) || national.StartsWith("1632960", StringComparison.Ordinal)
            || (national[0] == '1' && national[3..7] == "4960") || national.StartsWith("2079460", StringComparison.Ordinal));
    }
}
