using Azure.Data.Tables;

namespace Smartnumbers.Functions.Counters;

/// <summary>
/// What storage held, when read, for one call's figures (<see cref="ICallCounters.ReadStoredAsync"/>): the day's shard
/// rows of the caller and of withheld calls to the number, and the caller's labels row. Kept by the call path's cache
/// and turned into figures with <see cref="ICallCounters.Figures"/>, which adds this instance's own current counts.
/// </summary>
public sealed class StoredCounters
{
    internal StoredCounters(string accountId, string? caller, string calledNumber, DateTimeOffset at, bool withheldRead,
        IReadOnlyList<TableEntity> callerRows, IReadOnlyList<TableEntity> withheldRows, TableEntity? labels)
    {
        AccountId = accountId;
        Caller = caller;
        CalledNumber = calledNumber;
        At = at;
        WithheldRead = withheldRead;
        CallerRows = callerRows;
        WithheldRows = withheldRows;
        Labels = labels;
    }

    public string AccountId { get; }

    /// <summary>The caller; null for a withheld call.</summary>
    public string? Caller { get; }

    public string CalledNumber { get; }

    /// <summary>When it was read: the day of its rows.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The withheld calls to the number were read (they count only for a withheld call).</summary>
    internal bool WithheldRead { get; }

    internal IReadOnlyList<TableEntity> CallerRows { get; }

    internal IReadOnlyList<TableEntity> WithheldRows { get; }

    internal TableEntity? Labels { get; }

    /// <summary>Nothing from storage (it could not be read in time): figures then hold only this instance's own counts.</summary>
    public static StoredCounters Nothing(string accountId, string? caller, string calledNumber, DateTimeOffset at) =>
        new(accountId, caller, calledNumber, at, withheldRead: caller is null, [], [], null);
}
