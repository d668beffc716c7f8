namespace Smartnumbers.Functions.Counters;

/// <summary>Time-bucketed call counters for the risk model's velocity figures.</summary>
public interface ICallCounters
{
    /// <summary>The figures for a call from <paramref name="caller"/> (null: withheld) to <paramref name="calledNumber"/> at
    /// <paramref name="at"/>: two queries, run in parallel, plus what this instance counted and has not written yet.
    /// With <paramref name="withheldToNumber"/> false and a caller given, the withheld calls to the number are not read
    /// (left 0): the risk model uses them only for withheld calls, so the call path saves that query.
    /// Storage errors surface as exceptions.</summary>
    Task<CallerHistory> GetHistoryAsync(string accountId, string? caller, string calledNumber, DateTimeOffset at, bool withheldToNumber = true, CancellationToken cancellationToken = default);

    /// <summary>
    /// What <see cref="GetHistoryAsync"/> reads from storage, without this instance's own counts: for a cache that turns
    /// it into figures with <see cref="Figures"/> at every call, so that the calls this instance counts since are never
    /// missed. Storage errors surface as exceptions.
    /// </summary>
    Task<StoredCounters> ReadStoredAsync(string accountId, string? caller, string calledNumber, DateTimeOffset at, bool withheldToNumber = true, CancellationToken cancellationToken = default);

    /// <summary>The figures at <paramref name="at"/> (same day as <paramref name="stored"/>): what storage held, with this instance's own rows taken from memory as they are now.</summary>
    CallerHistory Figures(StoredCounters stored, DateTimeOffset at);

    /// <summary>
    /// Counts one call (per caller hour/day, distinct numbers, withheld per number hour) in this instance's memory, at
    /// once and without I/O; <see cref="FlushAsync"/> writes it.
    /// </summary>
    void Count(CallCount call);

    /// <summary>
    /// Writes what was counted since the last flush, one transaction per partition. A row storage refuses outright (400)
    /// is kept out of its transaction, so the others are written, and goes to a dead-letter file in
    /// <paramref name="deadLetters"/> (without one, only to the log); it is not retried. Throws when storage fails (what
    /// was not written stays for the next flush).
    /// </summary>
    Task FlushAsync(string? deadLetters = null, CancellationToken cancellationToken = default);

    /// <summary>Counts one call and writes it at once.</summary>
    async Task RecordCallAsync(CallCount call, CancellationToken cancellationToken = default)
    {
        Count(call);
        await FlushAsync(null, cancellationToken);
    }

    /// <summary>Keeps what is not written yet in a file in <paramref name="folder"/> (on shutdown, when storage fails);
    /// the number of rows kept. Those rows are the file's to write from then on: later counts go to new rows.</summary>
    int SaveUnwritten(string folder);

    /// <summary>Writes the rows kept by <see cref="SaveUnwritten"/> (by any instance) and deletes their files; rows storage
    /// refuses outright go to a dead-letter file in <paramref name="folder"/> and the rest are written.</summary>
    Task ReplaySavedAsync(string folder, CancellationToken cancellationToken = default);

    /// <summary>Rows not yet in storage: changed in memory, in saved files in <paramref name="folder"/>, and dead-lettered there.</summary>
    CounterBacklog Backlog(string folder);

    /// <summary>Counts an operator's fraud/genuine label against the caller.</summary>
    Task RecordLabelAsync(string accountId, string caller, bool fraud, CancellationToken cancellationToken = default);
}
