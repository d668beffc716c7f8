namespace Smartnumbers.Functions.Counters;

/// <summary>One call to count (written after the reply).</summary>
/// <param name="Caller">The presentation number (E.164), or null when withheld or invalid.</param>
/// <param name="CalledNumber">The account's number that was rung (E.164).</param>
/// <param name="Withheld">The caller withheld their number.</param>
public sealed record CallCount(string AccountId, string? Caller, string CalledNumber, bool Withheld, DateTimeOffset At);
