using System.Globalization;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Counters;

/// <summary>
/// Layout of table <see cref="Table"/> (UTC clock buckets). Call counts are sharded counters: every instance owns its
/// rows (RowKey ends in its shard id), keeps their values in memory and writes them whole, batched per partition, so
/// that counting never reads, never races and costs one transaction per partition per flush; readers sum the shards.
/// <list type="bullet">
/// <item>caller partition "{account}|callers|{last digit of the caller}": rows "{yyyyMMdd}|{caller}|{shard}" with
/// H00–H23 (calls per hour), Day and Numbers (distinct called numbers, ';'-joined); row "labels|{caller}" with Fraud,
/// Genuine (read-modify-write under ETag).</item>
/// <item>withheld partition "{account}|withheld": rows "{yyyyMMdd}|{e164}|{shard}" with W00–W23 (withheld calls to the
/// number per hour).</item>
/// <item>number partition "{account}|number|{e164}": row "divert|yyyyMMddHH" with Count (high-risk diverts that hour,
/// read-modify-write under ETag).</item>
/// </list>
/// Every part taken from outside text (account, caller, number) goes through <see cref="TableKeys.Safe"/>: E.164 numbers
/// and account ids stay as they are, a caller id too long or odd for a key becomes a short hash.
/// </summary>
internal static class CounterKeys
{
    public const string Table = "CallCounters";
    public const string Day = "Day";
    public const string Numbers = "Numbers";
    public const string Fraud = "Fraud";
    public const string Genuine = "Genuine";
    public const string Count = "Count";

    /// <summary>Distinct numbers kept per caller per day (beyond it the figure saturates).</summary>
    public const int MaxDistinctNumbers = 1000;

    public static string CallerPartition(string account, string caller)
    {
        var last = caller.Length > 0 && char.IsAsciiDigit(caller[^1]) ? caller[^1] : 'x';
        return TableKeys.Safe(account) + "|callers|" + last;
    }

    /// <summary>The first part of the caller's shard rows of a day: "{yyyyMMdd}|{caller}|".</summary>
    public static string CallerDayPrefix(DateTimeOffset at, string caller) => DayRow(at) + "|" + TableKeys.Safe(caller) + "|";

    public static string LabelsRow(string caller) => "labels|" + TableKeys.Safe(caller);

    public static string WithheldPartition(string account) => TableKeys.Safe(account) + "|withheld";

    /// <summary>The first part of a number's withheld shard rows of a day: "{yyyyMMdd}|{e164}|".</summary>
    public static string WithheldDayPrefix(DateTimeOffset at, string e164) => DayRow(at) + "|" + TableKeys.Safe(e164) + "|";

    public static string Number(string account, string e164) => TableKeys.Safe(account) + "|number|" + TableKeys.Safe(e164);

    public static string DayRow(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string DivertRow(DateTimeOffset at) => "divert|" + at.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    private static readonly string[] CallsHours = [.. Enumerable.Range(0, 24).Select(h => "H" + h.ToString("D2", CultureInfo.InvariantCulture))];
    private static readonly string[] WithheldHours = [.. Enumerable.Range(0, 24).Select(h => "W" + h.ToString("D2", CultureInfo.InvariantCulture))];

    public static string CallsInHour(int hour) => CallsHours[hour];

    public static string WithheldInHour(int hour) => WithheldHours[hour];

    /// <summary>The end (exclusive) of a RowKey prefix range: '|' + 1 = '}'.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + "}";
}
