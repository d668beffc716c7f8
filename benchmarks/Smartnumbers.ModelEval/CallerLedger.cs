using Smartnumbers.Core.Calls;

namespace Smartnumbers.ModelEval;

/// <summary>
/// The velocity and reputation counters, kept as the app's storage keeps them: per caller and UTC clock hour, per caller
/// and UTC day (calls and distinct numbers rung), withheld calls per number and UTC clock hour, and labels per caller,
/// each counted from the instant an operator gave it. <see cref="HistoryFor"/> excludes the current call, as the adapter
/// reads the counters before recording it.
/// </summary>
internal sealed class CallerLedger
{
    private readonly Dictionary<(string Caller, long Hour), int> _callerHours = [];
    private readonly Dictionary<(string Caller, long Day), HashSet<string>> _callerDays = [];
    private readonly Dictionary<(string Caller, long Day), int> _callerDayCalls = [];
    private readonly Dictionary<(string Number, long Hour), int> _withheldHours = [];
    private readonly Dictionary<string, List<(DateTimeOffset GivenAt, bool Fraud)>> _labels = [];

    public CallerHistory HistoryFor(string? caller, string called, bool withheld, DateTimeOffset at)
    {
        var (hour, day) = Buckets(at);
        var history = new CallerHistory
        {
            WithheldCallsToNumberLastHour = withheld ? _withheldHours.GetValueOrDefault((called, hour)) : 0,
        };
        if (caller is null)
        {
            return history;
        }
        var (fraud, genuine) = LabelsAt(caller, at);
        return history with
        {
            CallsFromCallerLastHour = _callerHours.GetValueOrDefault((caller, hour)),
            CallsFromCallerLastDay = _callerDayCalls.GetValueOrDefault((caller, day)),
            DistinctNumbersCalledToday = _callerDays.TryGetValue((caller, day), out var rung) ? rung.Count : 0,
            PriorFraudLabels = fraud,
            PriorGenuineLabels = genuine,
        };
    }

    /// <summary>Counts a call; <paramref name="label"/> is the operator's label, when the call was labelled, and when it was given.</summary>
    public void Record(string? caller, string called, bool withheld, DateTimeOffset at, (bool Fraud, DateTimeOffset GivenAt)? label)
    {
        var (hour, day) = Buckets(at);
        if (withheld)
        {
            _withheldHours[(called, hour)] = _withheldHours.GetValueOrDefault((called, hour)) + 1;
        }
        if (caller is null)
        {
            return;
        }
        _callerHours[(caller, hour)] = _callerHours.GetValueOrDefault((caller, hour)) + 1;
        _callerDayCalls[(caller, day)] = _callerDayCalls.GetValueOrDefault((caller, day)) + 1;
        if (!_callerDays.TryGetValue((caller, day), out var rung))
        {
            _callerDays[(caller, day)] = rung = [];
        }
        rung.Add(called);
        if (label is { } given)
        {
            if (!_labels.TryGetValue(caller, out var labels))
            {
                _labels[caller] = labels = [];
            }
            labels.Add((given.GivenAt, given.Fraud));
        }
    }

    private (int Fraud, int Genuine) LabelsAt(string caller, DateTimeOffset at)
    {
        int fraud = 0, genuine = 0;
        foreach (var (givenAt, isFraud) in _labels.GetValueOrDefault(caller) ?? [])
        {
            if (givenAt <= at)
            {
                fraud += isFraud ? 1 : 0;
                genuine += isFraud ? 0 : 1;
            }
        }
        return (fraud, genuine);
    }

    private static (long Hour, long Day) Buckets(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        return (ticks / TimeSpan.TicksPerHour, ticks / TimeSpan.TicksPerDay);
    }
}
