namespace Smartnumbers.Functions.Hosting;

/// <summary>What woke a timer function.</summary>
/// <param name="Trigger">"host" when the Functions host invoked it, "schedule" when the app's own scheduler did.</param>
/// <param name="IsPastDue">The host's IsPastDue flag.</param>
public sealed record TimerRun(string Trigger, bool IsPastDue);
