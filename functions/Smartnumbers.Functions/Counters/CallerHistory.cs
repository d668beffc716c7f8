namespace Smartnumbers.Functions.Counters;

/// <summary>The velocity figures the risk model reads for one call (UTC clock hour and day buckets).</summary>
/// <param name="CallsFromCallerThisHour">Calls from this caller to the account in the current clock hour (before this call).</param>
/// <param name="CallsFromCallerToday">Calls from this caller to the account today.</param>
/// <param name="DistinctNumbersCalledToday">How many of the account's numbers this caller rang today.</param>
/// <param name="WithheldCallsToNumberThisHour">Withheld calls to the called number in the current clock hour.</param>
/// <param name="PriorFraudLabels">Earlier calls from this caller labelled fraud.</param>
/// <param name="PriorGenuineLabels">Earlier calls from this caller labelled genuine.</param>
public sealed record CallerHistory(
    int CallsFromCallerThisHour,
    int CallsFromCallerToday,
    int DistinctNumbersCalledToday,
    int WithheldCallsToNumberThisHour,
    int PriorFraudLabels,
    int PriorGenuineLabels)
{
    public static CallerHistory None { get; } = new(0, 0, 0, 0, 0, 0);
}
