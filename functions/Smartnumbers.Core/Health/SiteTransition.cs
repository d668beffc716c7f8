namespace Smartnumbers.Core.Health;

/// <summary>The result of feeding the machine: the new state and the events it causes (none for most rounds).</summary>
public sealed record SiteTransition(SiteHealthState State, IReadOnlyList<SiteHealthEvent> Events)
{
    public bool Changed(SiteHealthState before) => State.Status != before.Status || Events.Count > 0;
}
