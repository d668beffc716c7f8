namespace Smartnumbers.Functions.DeliveryHealth;

/// <summary>What one probe round did, for the invocation log and tests.</summary>
public sealed record ProbeRoundReport(int Sites, int Probes, int Down, int Transitions, int Conflicts, int Failed, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"probed {Sites} sites ({Probes} signals) in {Elapsed.TotalMilliseconds:F0} ms: {Down} down, {Transitions} transitions, {Conflicts} conflicts, {Failed} failed";
}
