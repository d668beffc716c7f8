namespace Smartnumbers.Functions.Calls;

/// <summary>The caller figures a simulated call was decided with (the core's CallerHistory, named as on the wire).</summary>
internal sealed record SimulatedHistory(
    int CallsFromCallerLastHour,
    int CallsFromCallerLastDay,
    int WithheldCallsToNumberLastHour,
    int DistinctNumbersCalledToday,
    int PriorFraudLabels,
    int PriorGenuineLabels);
