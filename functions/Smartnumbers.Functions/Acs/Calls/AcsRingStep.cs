namespace Smartnumbers.Functions.Acs.Calls;

/// <summary>Destinations invited together, for at most <see cref="RingSeconds"/> (ACS caps an invitation at 180 s).</summary>
public sealed record AcsRingStep(IReadOnlyList<string> Destinations, int RingSeconds);
