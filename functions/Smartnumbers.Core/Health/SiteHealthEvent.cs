namespace Smartnumbers.Core.Health;

/// <summary>Something a site-health transition causes; the app turns each into a CloudEvent and an audit entry.</summary>
public abstract record SiteHealthEvent(DateTimeOffset At, long Transition);
