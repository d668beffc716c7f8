using Smartnumbers.Functions.Acs.Events;

namespace Smartnumbers.Functions.Acs.Calls;

/// <summary>Placeholder until the decision core is wired in: refuses, so Event Grid retries and the call rings out.</summary>
internal sealed class UnconfiguredAcsCallRouter : IAcsCallRouter
{
    public Task<AcsCallInstruction> RouteAsync(AcsIncomingCall call, CancellationToken ct) =>
        throw new InvalidOperationException("No ACS call router is registered (the decision core is not wired in yet)");
}
