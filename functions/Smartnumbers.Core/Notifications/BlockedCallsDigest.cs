using System.Globalization;
using System.Text;
using Smartnumbers.Core.Decisions;

namespace Smartnumbers.Core.Notifications;

/// <summary>
/// The blocked-calls digest of one period: the ACR, ICR and block-list rejections counted by reason and by called
/// number, and the ten callers blocked most (withheld callers counted as "withheld").
/// </summary>
public sealed record BlockedCallsDigest(
    DateTimeOffset From,
    DateTimeOffset To,
    int Total,
    IReadOnlyList<KeyValuePair<string, int>> ByReason,
    IReadOnlyList<KeyValuePair<string, int>> ByNumber,
    IReadOnlyList<KeyValuePair<string, int>> TopCallers)
{
    public const int TopCallerCount = 10;
    public const string Withheld = "withheld";

    /// <summary>One rejected call: its decision's reason, the number called and the caller (null when withheld).</summary>
    public sealed record BlockedCall(string Reason, string CalledNumber, string? Caller);

    /// <summary>The reasons <see cref="Covers"/> as a call-log <c>reason</c> filter: each exact, or a prefix ending in '*'.</summary>
    public const string CoveredReasons = DecisionReasons.Blocked + "," + DecisionReasons.Acr + ",icr-*";

    /// <summary>True for the reasons the digest covers: block list, ACR and every ICR reason.</summary>
    public static bool Covers(string? reason) =>
        reason is DecisionReasons.Blocked or DecisionReasons.Acr || (reason?.StartsWith("icr-", StringComparison.Ordinal) ?? false);

    /// <summary>Counts the covered calls among <paramref name="calls"/>; ties are ordered by key so the digest is stable.</summary>
    public static BlockedCallsDigest Build(DateTimeOffset from, DateTimeOffset to, IEnumerable<BlockedCall> calls)
    {
        var covered = calls.Where(c => Covers(c.Reason)).ToList();
        return new BlockedCallsDigest(from, to, covered.Count,
            Count(covered, c => c.Reason, int.MaxValue),
            Count(covered, c => c.CalledNumber, int.MaxValue),
            Count(covered, c => c.Caller ?? Withheld, TopCallerCount));
    }

    public string Title(string accountName) =>
        $"{accountName}: {Total} blocked call{(Total == 1 ? "" : "s")} {From.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}–{To.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    /// <summary>Plain text for people; times in the offset the period was computed in (the account's time zone).</summary>
    public string Text()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Blocked calls from {From:yyyy-MM-dd HH:mm} to {To:yyyy-MM-dd HH:mm} (UTC{From:zzz}): {Total}\n");
        Section(text, "By reason", ByReason);
        Section(text, "By number called", ByNumber);
        Section(text, $"Top {TopCallerCount} callers", TopCallers);
        return text.ToString().TrimEnd();
    }

    private static void Section(StringBuilder text, string heading, IReadOnlyList<KeyValuePair<string, int>> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"\n{heading}:\n");
        foreach (var (key, count) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {key}: {count}\n");
        }
    }

    private static List<KeyValuePair<string, int>> Count(IEnumerable<BlockedCall> calls, Func<BlockedCall, string> key, int take) =>
        calls.GroupBy(key, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, int>(g.Key, g.Count()))
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(take)
            .ToList();
}
