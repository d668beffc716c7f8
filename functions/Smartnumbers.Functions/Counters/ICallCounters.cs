namespace Smartnumbers.Functions.Counters;

/// <summary>Time-bucketed call counters for the risk model's velocity figures.</summary>
public interface ICallCounters
{
    /// <summary>The figures for a call from <paramref name="caller"/> (null: withheld) to <paramref name="calledNumber"/> at
    /// <paramref name="at"/>: two point reads, run in parallel. Storage errors surface as exceptions.</summary>
    Task<CallerHistory> GetHistoryAsync(string accountId, string? caller, string calledNumber, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Counts one call (per caller hour/day, distinct numbers, withheld per number hour). Call it after the reply.</summary>
    Task RecordCallAsync(CallCount call, CancellationToken cancellationToken = default);

    /// <summary>Counts an operator's fraud/genuine label against the caller.</summary>
    Task RecordLabelAsync(string accountId, string caller, bool fraud, CancellationToken cancellationToken = default);
}
