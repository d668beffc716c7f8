using System.Globalization;

namespace Smartnumbers.Functions.Counters;

/// <summary>
/// Layout of table <see cref="Table"/> (UTC clock buckets):
/// caller partition "{account}|caller|{caller}": row "yyyyMMdd" with H00–H23 (calls per hour), Day, Numbers (distinct
/// called numbers, ';'-joined); row "labels" with Fraud, Genuine.
/// number partition "{account}|number|{e164}": row "yyyyMMdd" with W00–W23 (withheld calls per hour);
/// row "divert|yyyyMMddHH" with Count (high-risk diverts that hour).
/// </summary>
internal static class CounterKeys
{
    public const string Table = "CallCounters";
    public const string Labels = "labels";
    public const string Day = "Day";
    public const string Numbers = "Numbers";
    public const string Fraud = "Fraud";
    public const string Genuine = "Genuine";
    public const string Count = "Count";

    /// <summary>Distinct numbers kept per caller per day (beyond it the figure saturates).</summary>
    public const int MaxDistinctNumbers = 1000;

    public static string Caller(string account, string caller) => account + "|caller|" + caller;

    public static string Number(string account, string e164) => account + "|number|" + e164;

    public static string DayRow(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string DivertRow(DateTimeOffset at) => "divert|" + at.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    public static string CallsInHour(DateTimeOffset at) => "H" + at.UtcDateTime.Hour.ToString("D2", CultureInfo.InvariantCulture);

    public static string WithheldInHour(DateTimeOffset at) => "W" + at.UtcDateTime.Hour.ToString("D2", CultureInfo.InvariantCulture);
}
