namespace Smartnumbers.Functions.Counters;

/// <summary>
/// What storage held, when read, for one call's figures (<see cref="ICallerHistory.ReadAsync"/>): the day's shard rows of
/// the caller and of withheld calls to the number, already turned into figures for the clock hour read, and the caller's
/// labels. Kept by the call path's cache and turned into a call's figures with <see cref="ICallerHistory.Figures"/>,
/// which adds this instance's own current counts. Holds no storage type.
/// </summary>
public sealed class StoredCounters
{
    internal StoredCounters(string accountId, string? caller, string calledNumber, DateTimeOffset at, bool withheldRead,
        IReadOnlyList<RowFigures> callerRows, IReadOnlyList<RowFigures> withheldRows, int fraudLabels, int genuineLabels)
    {
        CallerRows = callerRows;
        WithheldRows = withheldRows;
        FraudLabels = fraudLabels;
        GenuineLabels = genuineLabels;
        AccountId = accountId;
        Caller = caller;
        CalledNumber = calledNumber;
        WithheldRead = withheldRead;
    }

    internal string AccountId { get; }

    /// <summary>The caller; null for a withheld call.</summary>
    internal string? Caller { get; }

    internal string CalledNumber { get; }

    /// <summary>The withheld calls to the number were read (they count only for a withheld call).</summary>
    internal bool WithheldRead { get; }

    internal IReadOnlyList<RowFigures> CallerRows { get; }

    internal IReadOnlyList<RowFigures> WithheldRows { get; }

    internal int FraudLabels { get; }

    internal int GenuineLabels { get; }

    /// <summary>Nothing from storage (it could not be read in time): figures then hold only this instance's own counts.</summary>
    public static StoredCounters Nothing(string accountId, string? caller, string calledNumber, DateTimeOffset at) =>
        new(accountId, caller, calledNumber, at, withheldRead: caller is null, [], [], 0, 0);
}
