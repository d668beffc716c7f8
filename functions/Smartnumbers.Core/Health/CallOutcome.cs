namespace Smartnumbers.Core.Health;

/// <summary>A recent attempt to deliver a call to a destination, as recorded by a carrier adapter.</summary>
/// <param name="Reached">True when the destination's site answered the attempt in any way (answered, busy, no answer);
/// false when the attempt failed to reach it (network failure, congestion, unreachable).</param>
public sealed record CallOutcome(string Destination, DateTimeOffset At, bool Reached, string Outcome);
