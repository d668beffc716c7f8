using Microsoft.Extensions.Options;
using Smartnumbers.Functions.Acs.Calls;
using Smartnumbers.Functions.Acs.Events;
using Smartnumbers.Functions.Pipeline;

namespace Smartnumbers.Functions.Acs.Routing;

/// <summary>
/// An ACS IncomingCall in and out of the <see cref="CallPipeline"/>: the event becomes an InboundCall
/// (<see cref="AcsInboundCall"/>), the outcome becomes ACS actions (<see cref="AcsDecisionRenderer"/>). A call to an
/// identity no account owns, or whose owner cannot be read within <see cref="CallPipelineOptions.AcsOwnerBudget"/> with no
/// emergency route set, is left alone (another application on the resource may own it). If the actions fail, the
/// processor redirects to the first destination of the last-known route (override → active plan → normal, down sites
/// skipped).
/// </summary>
public sealed class DecidingAcsCallRouter(
    CallPipeline pipeline,
    IEnumerable<IAcsCallFlowHandler> flows,
    IOptions<AcsOptions> options,
    IOptions<CallPipelineOptions> pipelineOptions,
    TimeProvider time) : IAcsCallRouter
{
    public async Task<AcsCallInstruction> RouteAsync(AcsIncomingCall call, CancellationToken ct)
    {
        var inbound = AcsInboundCall.From(call, time.GetUtcNow());
        var outcome = await pipeline.HandleAsync(inbound, pipelineOptions.Value.AcsOwnerBudget, ct);
        if (outcome is not CallOutcome.Decided decided)
        {
            return new AcsCallInstruction.Ignore(outcome is CallOutcome.NotOurs ? "no account owns the called identity" : "the owner of the number could not be read");
        }

        var template = new AcsCallPlan { AccountId = decided.AccountId, RecordId = inbound.CallId, StartedAt = inbound.ArrivedAt };
        var instruction = AcsDecisionRenderer.Render(decided.Decision, template, !string.IsNullOrWhiteSpace(options.Value.CallerId), flows.Any(f => f.Flow == AcsDecisionRenderer.IvrFlow));
        return instruction with
        {
            FallbackDestination = decided.Fallback()?.Steps.SelectMany(s => s.Destinations).FirstOrDefault(),
            AccountId = decided.AccountId,
            RecordId = inbound.CallId,
        };
    }
}
