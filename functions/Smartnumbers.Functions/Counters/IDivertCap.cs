namespace Smartnumbers.Functions.Counters;

/// <summary>The fraud policy's hourly cap on diverts to the high-risk route, exact under concurrency.</summary>
public interface IDivertCap
{
    /// <summary>
    /// Reserves one divert for <paramref name="calledNumber"/> in the UTC clock hour of <paramref name="at"/>. True when
    /// fewer than <paramref name="maxPerHour"/> were reserved before (the count is then one higher); false when the cap is
    /// reached, or when storage cannot be reached (the call then routes normally and is flagged).
    /// </summary>
    ValueTask<bool> TryReserveDivertAsync(string accountId, string calledNumber, int maxPerHour, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// The diverts reserved for <paramref name="calledNumber"/> in the UTC clock hour of <paramref name="at"/>, read only;
    /// null when storage cannot be reached.
    /// </summary>
    ValueTask<int?> DivertsInHourAsync(string accountId, string calledNumber, DateTimeOffset at, CancellationToken cancellationToken = default);
}
