namespace Smartnumbers.Core.Risk;

/// <summary>
/// Labelled calls split by time: the model trains on the older ones and is judged on the newer ones it never saw, as it
/// will be used. The split is made per class (the newest share of the fraud calls, and of the genuine calls), so both
/// classes are always held out and AUC can be measured even when fraud labels are few.
/// </summary>
public sealed record HeldOutSplit(IReadOnlyList<LabelledCall> Training, IReadOnlyList<LabelledCall> HeldOut)
{
    /// <summary>Holds out the newest <paramref name="heldOutFraction"/> of each class (at least one call of a class that has two or more).</summary>
    public static HeldOutSplit ByTime(IReadOnlyList<LabelledCall> calls, double heldOutFraction)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(heldOutFraction, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(heldOutFraction, 1);
        var training = new List<LabelledCall>(calls.Count);
        var heldOut = new List<LabelledCall>();
        foreach (var label in new[] { true, false })
        {
            var ordered = calls.Where(c => c.Fraud == label).OrderBy(c => c.At).ToList();
            var held = ordered.Count < 2 ? 0 : Math.Max(1, (int)Math.Round(ordered.Count * heldOutFraction, MidpointRounding.AwayFromZero));
            training.AddRange(ordered.Take(ordered.Count - held));
            heldOut.AddRange(ordered.Skip(ordered.Count - held));
        }
        return new HeldOutSplit(training, heldOut);
    }
}
