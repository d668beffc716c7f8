using CoreHistory = Smartnumbers.Core.Calls.CallerHistory;

namespace Smartnumbers.Functions.Calls;

/// <summary>The counters' figures (<see cref="Counters.CallerHistory"/>) as the core's decision reads them.</summary>
public static class CallerFigures
{
    public static CoreHistory ToCore(this Counters.CallerHistory h)
    {
        ArgumentNullException.ThrowIfNull(h);
        return new CoreHistory
        {
            CallsFromCallerLastHour = h.CallsFromCallerThisHour,
            CallsFromCallerLastDay = h.CallsFromCallerToday,
            DistinctNumbersCalledToday = h.DistinctNumbersCalledToday,
            WithheldCallsToNumberLastHour = h.WithheldCallsToNumberThisHour,
            PriorFraudLabels = h.PriorFraudLabels,
            PriorGenuineLabels = h.PriorGenuineLabels,
        };
    }
}
