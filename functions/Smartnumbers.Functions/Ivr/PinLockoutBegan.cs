namespace Smartnumbers.Functions.Ivr;

/// <summary>A lock that a wrong PIN has just started; audited.</summary>
/// <param name="Key">The caller's number ("anonymous" for withheld callers) or the staff id.</param>
public sealed record PinLockoutBegan(string AccountId, PinLockoutSubject Subject, string Key, DateTimeOffset Until);
