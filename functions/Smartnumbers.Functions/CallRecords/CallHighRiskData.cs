namespace Smartnumbers.Functions.CallRecords;

/// <summary>The data of a <c>Smartnumbers.Call.HighRisk</c> event: what the agent is told before answer.</summary>
/// <param name="Diverted">The call went to the number's high-risk (fraud team) route.</param>
/// <param name="CapReached">The hourly divert cap was reached: the call was routed normally and flagged.</param>
/// <param name="FirstDestination">Where the call rings first.</param>
public sealed record CallHighRiskData(
    string CallId, string Carrier, string CalledNumber, string? Caller, int Score, IReadOnlyList<string> Tags,
    IReadOnlyList<CallRiskContribution> Top, bool Diverted, bool CapReached, string? FirstDestination, DateTimeOffset At);
