using Smartnumbers.Functions.Acs.Events;

namespace Smartnumbers.Functions.Acs.Calls;

/// <summary>Decides an incoming ACS call (screening, scoring, routing) and says how to carry it out.</summary>
public interface IAcsCallRouter
{
    Task<AcsCallInstruction> RouteAsync(AcsIncomingCall call, CancellationToken ct);
}
