using System.Collections.Concurrent;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Calls;
using CoreHistory = Smartnumbers.Core.Calls.CallerHistory;

namespace Smartnumbers.Functions.Counters;

/// <summary>
/// Velocity figures for the decision, from memory where possible so that a call never waits on storage: a caller seen
/// in the last <see cref="FreshFor"/> on this instance is served from memory plus the calls this instance counted since;
/// otherwise the counters are read within a tight budget, and past it the call is decided with
/// <see cref="CoreHistory.Empty"/> while the read completes in the background and fills the cache for the next call.
/// </summary>
public sealed partial class CallerHistoryCache(ICallCounters counters, TimeProvider time, ILogger<CallerHistoryCache> log)
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
            return entry.WithLocalCalls();
        }

        // One read per caller at a time: calls that arrive while it is under way wait on the same read.
        var read = _reads.GetOrAdd(key, k => ReadAsync(k, accountId, caller, calledNumber, now));
        try
        {
            return (await read.WaitAsync(budget, time, ct)).WithLocalCalls();
        }
        catch (TimeoutException)
        {
            LogSlow(log, budget.TotalMilliseconds);
            return CoreHistory.Empty;
        }
    }

    /// <summary>Counts a call this instance took, so that cached figures stay current until the next read.</summary>
    public void Counted(string accountId, string? caller, string calledNumber)
    {
        if (_entries.TryGetValue(Key(accountId, caller, calledNumber), out var entry))
        {
            Interlocked.Increment(ref entry.LocalCalls);
        }
    }

    /// <summary>Drops this instance's cached figures of a caller (after a label), so its next call reads the counters.</summary>
    public void Forget(string accountId, string caller)
    {
        var prefix = accountId + "|" + caller + "|";
        foreach (var key in _entries.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            _entries.TryRemove(key, out _);
        }
    }

    private async Task<Entry> ReadAsync(string key, string accountId, string? caller, string calledNumber, DateTimeOffset now)
    {
        await Task.Yield(); // Runs after GetOrAdd has registered it, so that the removal below finds it.
        try
        {
            // The withheld calls to the number count only for a withheld call, so an identified caller's read skips them.
            var h = await counters.GetHistoryAsync(accountId, caller, calledNumber, now, withheldToNumber: false, CancellationToken.None);
            var entry = new Entry(h.ToCore(), now, caller is null);
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

            return new Entry(CoreHistory.Empty, DateTimeOffset.MinValue, caller is null);
        }
        finally
        {
            _reads.TryRemove(key, out _);
        }
    }

    private static bool SameHour(DateTimeOffset a, DateTimeOffset b) => a.UtcDateTime.Date == b.UtcDateTime.Date && a.UtcDateTime.Hour == b.UtcDateTime.Hour;

    private static string Key(string accountId, string? caller, string calledNumber) =>
        caller is null ? accountId + "|withheld|" + calledNumber : accountId + "|" + caller + "|" + calledNumber;

    private sealed class Entry(CoreHistory history, DateTimeOffset fetchedAt, bool withheld)
    {
        public int LocalCalls;

        public DateTimeOffset FetchedAt { get; } = fetchedAt;

        public CoreHistory WithLocalCalls()
        {
            var local = Volatile.Read(ref LocalCalls);
            return local == 0 ? history : withheld
                ? history with { WithheldCallsToNumberLastHour = history.WithheldCallsToNumberLastHour + local }
                : history with { CallsFromCallerLastHour = history.CallsFromCallerLastHour + local, CallsFromCallerLastDay = history.CallsFromCallerLastDay + local };
        }
    }

    [LoggerMessage(EventId = 4020, Level = LogLevel.Debug, Message = "Call counters did not answer within {BudgetMs} ms: deciding without caller history")]
    private static partial void LogSlow(ILogger logger, double budgetMs);

    [LoggerMessage(EventId = 4021, Level = LogLevel.Warning, Message = "Reading call counters failed: {Error}; deciding without caller history ({Held} more since the last such line)")]
    private static partial void LogReadFailed(ILogger logger, string error, int held);
}
