namespace Smartnumbers.Functions.Counters;

/// <summary>Reads a caller's velocity figures: what storage holds (all instances' shards), plus this instance's own counts, live.</summary>
public interface ICallerHistory
{
    /// <summary>
    /// What storage holds for a call from <paramref name="caller"/> (null: withheld) to <paramref name="calledNumber"/>
    /// in the clock hour of <paramref name="at"/>: one query for the caller's day rows and labels, and, when
    /// <paramref name="withheldToNumber"/> is true or the caller is withheld, one for withheld calls to the number (run in
    /// parallel). No storage type leaves: rows come back as figures. Storage errors surface as exceptions.
    /// </summary>
    Task<StoredCounters> ReadAsync(string accountId, string? caller, string calledNumber, DateTimeOffset at, bool withheldToNumber = true, CancellationToken cancellationToken = default);

    /// <summary>The figures at <paramref name="at"/> (same clock hour as the read): the stored rows, with this instance's own rows taken from memory as they are now.</summary>
    CallerHistory Figures(StoredCounters stored, DateTimeOffset at);

    /// <summary>Reads and turns into figures at once.</summary>
    async Task<CallerHistory> GetAsync(string accountId, string? caller, string calledNumber, DateTimeOffset at, bool withheldToNumber = true, CancellationToken cancellationToken = default) =>
        Figures(await ReadAsync(accountId, caller, calledNumber, at, withheldToNumber, cancellationToken), at);
}
