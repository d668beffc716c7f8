namespace Smartnumbers.Core.Ivr;

/// <summary>What the machine reads about the world at each step (the account as it is now, not when the call began).</summary>
/// <param name="Account">The account's current snapshot: staff, loaded plans, the active plan.</param>
/// <param name="CallerNumber">The caller's dialable E.164 number; null when withheld or not dialable (option 8 is then refused).</param>
/// <param name="Now">The current time, from the app's <see cref="TimeProvider"/>.</param>
public sealed record IvrContext(AccountSnapshot Account, string? CallerNumber, DateTimeOffset Now);
