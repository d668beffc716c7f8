namespace Smartnumbers.Functions.CallRecords;

/// <summary>One decided route step: destinations rung together for up to RingSeconds.</summary>
public sealed record CallRouteStep(IReadOnlyList<string> Destinations, int RingSeconds);
