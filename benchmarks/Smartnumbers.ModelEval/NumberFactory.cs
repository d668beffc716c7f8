using System.Globalization;
using PhoneNumbers;

namespace Smartnumbers.ModelEval;

/// <summary>
/// Draws caller numbers that libphonenumber accepts as valid for their kind (so a genuine caller never looks invalid by
/// accident), avoiding Ofcom's drama ranges. Foreign numbers vary the last digits of libphonenumber's example number.
/// </summary>
internal sealed class NumberFactory(Random random)
{
    private const int Tries = 200;
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly string[] UkMobilePrefixes = ["+4474", "+4475", "+4478", "+4479", "+44771", "+44772", "+44773", "+44776"];
    private static readonly string[] UkAreaCodes = ["+44113", "+44114", "+44115", "+44116", "+44117", "+44121", "+44131", "+44141", "+44151", "+44161"];
    private static readonly string[] UsAreaCodes = ["212", "646", "718", "917", "305", "415", "312", "469", "617", "202"];

    public Random Random => random;

    public string UkMobile() => Draw(() =>
    {
        var prefix = Pick(UkMobilePrefixes);
        return prefix + Digits(13 - prefix.Length);
    }, PhoneNumberType.MOBILE);

    /// <summary>A geographic landline: a big-city area code and a local number starting 2, 3, 5, 7 or 8, or London 020 3/8.</summary>
    public string UkLandline() => Draw(
        () => random.NextDouble() < 0.25 ? "+4420" + Pick(["3", "8"]) + Digits(7) : Pick(UkAreaCodes) + Pick(["2", "3", "5", "7", "8"]) + Digits(6),
        PhoneNumberType.FIXED_LINE);

    public string UkNonGeographic() => Draw(() => Pick(["+44300", "+44330", "+44345"]) + Digits(7), PhoneNumberType.UAN);

    public string UkFreephone() => Draw(() => Pick(["+44800", "+44808"]) + Digits(7), PhoneNumberType.TOLL_FREE);

    public string UkVoip() => Draw(() => "+4456" + Digits(8), PhoneNumberType.VOIP);

    /// <summary>09 premium rate (banned as CLI), or 084/087 revenue sharing.</summary>
    public string UkPremium() => random.NextDouble() < 0.5
        ? Draw(() => Pick(["+44909", "+44908", "+44911"]) + Digits(7), PhoneNumberType.PREMIUM_RATE)
        : Draw(() => Pick(["+44843", "+44844", "+44870", "+44871", "+44872"]) + Digits(7), null);

    public string Us() => Draw(() => "+1" + Pick(UsAreaCodes) + (char)('2' + random.Next(8)) + Digits(6), null);

    /// <summary>A valid number of <paramref name="region"/> (ISO code, or "001" for +882/+883 global networks).</summary>
    public string Foreign(string region, PhoneNumberType type = PhoneNumberType.MOBILE)
    {
        var example = region == "001"
            ? Util.GetExampleNumberForNonGeoEntity(random.NextDouble() < 0.5 ? 882 : 883)
            : Util.GetExampleNumberForType(region, type) ?? Util.GetExampleNumber(region);
        var nsn = Util.GetNationalSignificantNumber(example);
        var keep = Math.Max(2, nsn.Length - 4);
        return Draw(() => "+" + example.CountryCode.ToString(CultureInfo.InvariantCulture) + nsn[..keep] + Digits(nsn.Length - keep), null);
    }

    /// <summary>The number <paramref name="step"/> after <paramref name="e164"/> (sequential caller IDs).</summary>
    public static string Next(string e164, int step)
    {
        var digits = e164[1..];
        var tail = long.Parse(digits[^6..], CultureInfo.InvariantCulture) + step;
        return "+" + digits[..^6] + (tail % 1_000_000).ToString("000000", CultureInfo.InvariantCulture);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>An item of <paramref name="weights"/> drawn in proportion to its weight.</summary>
    public T Weighted<T>(IReadOnlyList<(T Item, double Weight)> weights)
    {
        var total = weights.Sum(w => w.Weight);
        var x = random.NextDouble() * total;
        foreach (var (item, weight) in weights)
        {
            x -= weight;
            if (x < 0)
            {
                return item;
            }
        }
        return weights[^1].Item;
    }

    public bool Chance(double p) => random.NextDouble() < p;

    private string Digits(int count)
    {
        Span<char> d = stackalloc char[count];
        for (var i = 0; i < count; i++)
        {
            d[i] = (char)('0' + random.Next(10));
        }
        return new string(d);
    }

    private static string Draw(Func<string> candidate, PhoneNumberType? type)
    {
        for (var i = 0; i < Tries; i++)
        {
            var e164 = candidate();
            if (IsValid(e164, type))
            {
                return e164;
            }
        }
        throw new InvalidOperationException("No valid number drawn in " + Tries + " tries; the number plan changed.");
    }

    internal static bool IsValid(string e164, PhoneNumberType? type)
    {
        try
        {
            var n = Util.Parse(e164, null);
            return Util.IsValidNumber(n) && (type is null || Util.GetNumberType(n) == type);
        }
        catch (NumberParseException)
        {
            return false;
        }
    }
}
