namespace Smartnumbers.Core.Health;

/// <summary>The passive probe: the outcome of recent calls to a site's destinations.</summary>
public static class PassiveSignal
{
    public const string ProbeName = "recent calls";

    /// <summary>
    /// Unhealthy when at least <paramref name="minFailures"/> attempts within <paramref name="window"/> before
    /// <paramref name="now"/> all failed to reach the site; healthy when any recent attempt reached it; null (no signal)
    /// when there were no recent attempts or too few failures to judge.
    /// </summary>
    public static ProbeResult? Evaluate(IReadOnlyList<CallOutcome> outcomes, DateTimeOffset now, TimeSpan window, int minFailures = 3)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var recent = outcomes.Where(o => o.At <= now && now - o.At <= window).ToList();
        if (recent.Count == 0)
        {
            return null;
        }

        var reached = recent.Count(o => o.Reached);
        if (reached > 0)
        {
            return new ProbeResult(ProbeName, true, $"{reached} of {recent.Count} recent calls reached the site", TimeSpan.Zero);
        }

        return recent.Count >= minFailures
            ? new ProbeResult(ProbeName, false, $"{recent.Count} recent calls all failed ({recent[^1].Outcome})", TimeSpan.Zero)
            : null;
    }
}
