using System.Collections.Concurrent;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Calls;
using CoreHistory = Smartnumbers.Core.Calls.CallerHistory;

namespace Smartnumbers.Functions.Counters;

/// <summary>
/// Velocity figures for the decision, so that a call never waits on storage for long: what storage held for a caller
/// is kept for <see cref="FreshFor"/> (within the clock hour) and turned into figures at every call together with this
/// instance's own counts, taken live from memory, so no call this instance counted is ever missed. Otherwise storage is
/// read within a tight budget (one read per caller at a time); past it the call is decided with this instance's own
/// counts only, while the read completes in the background and fills the cache for the next call.
/// </summary>
public sealed partial class CallerHistoryCache(ICallerHistory counters, TimeProvider time, ILogger<CallerHistoryCache> log)
{
    private readonly LogThrottle _failures = new(time, TimeSpan.FromSeconds(10));
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<Entry>> _reads = new(StringComparer.Ordinal);

    public async Task<CoreHistory> GetAsync(string accountId, string? caller, string calledNumber, TimeSpan budget, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var key = Key(accountId, caller, calledNumber);
        if (_entries.TryGetValue(key, out var entry) && now - entry.FetchedAt < FreshFor && SameHour(entry.FetchedAt, now))
        {
            return counters.Figures(entry.Stored, now).ToCore();
        }

        // One read per caller at a time: calls that arrive while it is under way wait on the same read.
        var read = _reads.GetOrAdd(key, k => ReadAsync(k, accountId, caller, calledNumber, now));
        if (!read.IsCompleted && !await CompletesWithinAsync(read, budget, ct))
        {
            LogSlow(log, budget.TotalMilliseconds);
            return counters.Figures(StoredCounters.Nothing(accountId, caller, calledNumber, now), now).ToCore();
        }

        return counters.Figures((await read).Stored, now).ToCore();
    }

    /// <summary>Drops this instance's cached figures of a caller (after a label), so its next call reads the counters.</summary>
    public void Forget(string accountId, string caller)
    {
        _entries.TryRemove(Key(accountId, caller, ""), out _);
    }

    private async Task<Entry> ReadAsync(string key, string accountId, string? caller, string calledNumber, DateTimeOffset now)
    {
        await Task.Yield(); // Runs after GetOrAdd has registered it, so that the removal below finds it.
        try
        {
            // The withheld calls to the number count only for a withheld call, so an identified caller's read skips them.
            var stored = await counters.ReadAsync(accountId, caller, calledNumber, now, withheldToNumber: false, CancellationToken.None);
            var entry = new Entry(stored, now);
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear(); // Crude but bounded: the figures are re-read on the next call.
            }

            _entries[key] = entry;
            return entry;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (_failures.Allow(out var held))
            {
                LogReadFailed(log, ex.Message, held);
            }

            return new Entry(StoredCounters.Nothing(accountId, caller, calledNumber, now), DateTimeOffset.MinValue);
        }
        finally
        {
            _reads.TryRemove(key, out _);
        }
    }

    /// <summary>Whether <paramref name="read"/> completes within <paramref name="budget"/>; a slow read costs a timer, not an exception (it happens under load, call after call).</summary>
    private async Task<bool> CompletesWithinAsync(Task read, TimeSpan budget, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var first = await Task.WhenAny(read, Task.Delay(budget, time, timer.Token));
        ct.ThrowIfCancellationRequested();
        await timer.CancelAsync();
        return first == read;
    }

    private static bool SameHour(DateTimeOffset a, DateTimeOffset b) => a.UtcDateTime.Date == b.UtcDateTime.Date && a.UtcDateTime.Hour == b.UtcDateTime.Hour;

    /// <summary>An identified caller's figures do not depend on the number called (the withheld calls to it are not read), so they are kept once per caller.</summary>
    private static string Key(string accountId, string? caller, string calledNumber) =>
        caller is null ? accountId + "|withheld|" + calledNumber : accountId + "|" + caller + "|";

    private sealed record Entry(StoredCounters Stored, DateTimeOffset FetchedAt);

    [LoggerMessage(EventId = 4020, Level = LogLevel.Debug, Message = "Call counters did not answer within {BudgetMs} ms: deciding with this instance's own counts only")]
    private static partial void LogSlow(ILogger logger, double budgetMs);

    [LoggerMessage(EventId = 4021, Level = LogLevel.Warning, Message = "Reading call counters failed: {Error}; deciding with this instance's own counts only ({Held} more since the last such line)")]
    private static partial void LogReadFailed(ILogger logger, string error, int held);
}
