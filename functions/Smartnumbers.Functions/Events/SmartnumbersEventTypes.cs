namespace Smartnumbers.Functions.Events;

/// <summary>The CloudEvents <c>type</c> values Smartnumbers publishes.</summary>
public static class SmartnumbersEventTypes
{
    public const string SiteDown = "Smartnumbers.Site.Down";
    public const string SiteRestored = "Smartnumbers.Site.Restored";
    public const string DialPlanActivated = "Smartnumbers.DialPlan.Activated";
    public const string DialPlanDeactivated = "Smartnumbers.DialPlan.Deactivated";
    public const string OverrideSet = "Smartnumbers.Override.Set";
    public const string CallBlocked = "Smartnumbers.Call.Blocked";
    public const string CallHighRisk = "Smartnumbers.Call.HighRisk";
    public const string ModelPromoted = "Smartnumbers.Model.Promoted";
    public const string ModelRolledBack = "Smartnumbers.Model.RolledBack";

    /// <summary>The CloudEvents <c>source</c> of every event.</summary>
    public const string Source = "/smartnumbers";
}
