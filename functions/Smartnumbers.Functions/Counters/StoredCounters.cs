using Azure.Data.Tables;

namespace Smartnumbers.Functions.Counters;

/// <summary>
/// What storage held, when read, for one call's figures (<see cref="ICallCounters.ReadStoredAsync"/>): the day's shard
/// rows of the caller and of withheld calls to the number, and the caller's labels row. Kept by the call path's cache
/// and turned into figures with <see cref="ICallCounters.Figures"/>, which adds this instance's own current counts.
/// </summary>
public sealed class StoredCounters
{
    /// <param name="caller">The caller; null for a withheld call.</param>
    /// <param name="at">When it was read: the day of its rows.</param>
    /// <param name="withheldRead">The withheld calls to the number were read (they count only for a withheld call).</param>
    internal StoredCounters(string accountId, string? caller, string calledNumber, DateTimeOffset at, bool withheldRead,
        IReadOnlyList<TableEntity> callerRows, IReadOnlyList<TableEntity> withheldRows, TableEntity? labels)
    {
        CallerRows = callerRows;
        WithheldRows = withheldRows;
        Labels = labels;
        CallerRowsAt = caller is null ? null : (CounterKeys.CallerPartition(accountId, caller), CounterKeys.CallerDayPrefix(at, caller));
        WithheldRowsAt = withheldRead ? (CounterKeys.WithheldPartition(accountId), CounterKeys.WithheldDayPrefix(at, calledNumber)) : null;
    }

    internal IReadOnlyList<TableEntity> CallerRows { get; }

    internal IReadOnlyList<TableEntity> WithheldRows { get; }

    internal TableEntity? Labels { get; }

    /// <summary>Where the caller's shard rows of the day are (partition, row prefix); null for a withheld call. Built once, used at every call.</summary>
    internal (string Partition, string RowPrefix)? CallerRowsAt { get; }

    /// <summary>Where the withheld shard rows of the number's day are; null when they were not read.</summary>
    internal (string Partition, string RowPrefix)? WithheldRowsAt { get; }

    /// <summary>Nothing from storage (it could not be read in time): figures then hold only this instance's own counts.</summary>
    public static StoredCounters Nothing(string accountId, string? caller, string calledNumber, DateTimeOffset at) =>
        new(accountId, caller, calledNumber, at, withheldRead: caller is null, [], [], null);
}
