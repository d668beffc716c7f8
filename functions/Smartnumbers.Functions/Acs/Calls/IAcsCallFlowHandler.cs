namespace Smartnumbers.Functions.Acs.Calls;

/// <summary>
/// Drives calls answered with <see cref="AcsCallPlan.Flow"/> = <see cref="Flow"/> (e.g. the IVR): receives every
/// callback of such a call (CallConnected first, CallDisconnected last) with its current state, does its Call
/// Automation requests (answer is done; play, recognize, add participant, hang up via CallAutomationClient with
/// <see cref="AcsCallState.CallConnectionId"/>) and returns the new state, which is stored ETag-guarded.
/// Callbacks are deduplicated by event id per instance; keep handlers idempotent for the rare cross-instance repeat.
/// </summary>
public interface IAcsCallFlowHandler
{
    string Flow { get; }

    Task<AcsCallState> HandleAsync(AcsCallState state, AcsCallbackEvent callback, CancellationToken ct);
}
