using Smartnumbers.Core;
using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Decisions;

namespace Smartnumbers.Functions.Pipeline;

/// <summary>What the call pipeline made of one inbound call; the carrier adapter only renders it.</summary>
public abstract record CallOutcome
{
    private CallOutcome(InboundCall call) => Call = call;

    public InboundCall Call { get; }

    /// <summary>
    /// The call has a decision: the account's (screened, scored, routed), the last-known route when deciding failed, or
    /// the emergency route when the owner could not be read (then <paramref name="Snapshot"/> is null).
    /// </summary>
    public sealed record Decided(InboundCall Inbound, string AccountId, AccountSnapshot? Snapshot, string? NumberKey, RoutingDecision Decision) : CallOutcome(Inbound)
    {
        /// <summary>A connected call to the account's dial-in line: the IVR takes it (screening has already passed).</summary>
        public bool ToDialIn => Decision.Action == DecisionAction.Connect && Decision.ControlLine;

        /// <summary>
        /// What to do when the decision cannot be carried out: the last-known route (override → active plan → normal,
        /// down sites skipped), or the decision itself when there is no snapshot. Null for a reject.
        /// </summary>
        public RoutingDecision? Fallback()
        {
            if (Decision.Action != DecisionAction.Connect)
            {
                return null;
            }

            return Snapshot is not null && NumberKey is not null
                ? FallbackDecisions.LastKnownRoute(Snapshot, NumberKey, Call.ArrivedAt) ?? Decision
                : Decision;
        }
    }

    /// <summary>Storage answered: no account owns the called number.</summary>
    public sealed record NotOurs(InboundCall Inbound) : CallOutcome(Inbound);

    /// <summary>The owner could not be read within the carrier's budget and no emergency route is configured.</summary>
    public sealed record CannotTell(InboundCall Inbound, string Reason) : CallOutcome(Inbound);
}
