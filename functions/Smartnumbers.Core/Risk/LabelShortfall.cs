namespace Smartnumbers.Core.Risk;

/// <summary>How many more labels of each class a refit needs before it may train (0 and 0 = enough).</summary>
public sealed record LabelShortfall(int FraudNeeded, int GenuineNeeded)
{
    public bool Enough => FraudNeeded == 0 && GenuineNeeded == 0;

    /// <summary>The shortfall of <paramref name="calls"/> against <paramref name="minPerClass"/> labels per class.</summary>
    public static LabelShortfall Of(IReadOnlyCollection<LabelledCall> calls, int minPerClass)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var frauds = calls.Count(c => c.Fraud);
        return new LabelShortfall(Math.Max(0, minPerClass - frauds), Math.Max(0, minPerClass - (calls.Count - frauds)));
    }
}
