namespace Smartnumbers.Core.Health;

/// <summary>A whole round's verdict for a site: healthy only if every signal was healthy.</summary>
public sealed record RoundVerdict(bool Healthy, string Detail)
{
    /// <summary>Null when there was no signal at all (no probes and no recent calls): the state is left unchanged.</summary>
    public static RoundVerdict? From(IReadOnlyList<ProbeResult> results)
    {
        if (results.Count == 0)
        {
            return null;
        }

        var failed = results.Where(r => !r.Healthy).ToList();
        return failed.Count == 0
            ? new RoundVerdict(true, $"{results.Count} of {results.Count} probes healthy")
            : new RoundVerdict(false, string.Join("; ", failed.Select(f => $"{f.Probe}: {f.Detail}")));
    }
}
