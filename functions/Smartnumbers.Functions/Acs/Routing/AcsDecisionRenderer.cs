using Smartnumbers.Core.Decisions;
using Smartnumbers.Core.Screening;
using Smartnumbers.Functions.Acs.Calls;

namespace Smartnumbers.Functions.Acs.Routing;

/// <summary>
/// A routing decision as ACS actions (pure): busy → reject busy; unallocated → reject none; announcement → answer,
/// play, hang up; one destination, no announcement, nothing for the agent → redirect (no media, cheapest); otherwise
/// answer, announce, invite step by step with our caller ID, close. The IVR dial-in line, once its screening passed,
/// goes to the "ivr" flow when a handler for it is registered.
/// </summary>
public static class AcsDecisionRenderer
{
    public const string IvrFlow = "ivr";

    /// <param name="canAddParticipants">Acs__CallerId is set (PSTN legs need it); without it connects degrade to redirect.</param>
    public static AcsCallInstruction Render(RoutingDecision decision, AcsCallPlan template, bool canAddParticipants, bool hasIvr)
    {
        // Screening first: a rejected call never reaches the dial-in line's PIN prompt.
        if (decision.Action == DecisionAction.Reject)
        {
            return decision.RejectMode switch
            {
                RejectMode.Unallocated => new AcsCallInstruction.Reject("none"),
                RejectMode.Announcement => new AcsCallInstruction.Answer(template with { Announcement = decision.Announcement ?? DefaultAnnouncements.Closed }),
                _ => new AcsCallInstruction.Reject("busy"),
            };
        }

        if (decision.ControlLine && hasIvr)
        {
            return new AcsCallInstruction.Answer(template with { Flow = IvrFlow });
        }

        var steps = decision.Steps.Where(s => s.Destinations.Count > 0).Select(s => new AcsRingStep(s.Destinations, s.RingSeconds)).ToList();
        if (steps.Count == 0)
        {
            return decision.Announcement is null && decision.ClosingAnnouncement is null
                ? new AcsCallInstruction.Reject("busy")
                : new AcsCallInstruction.Answer(template with { Announcement = decision.Announcement ?? decision.ClosingAnnouncement });
        }

        var headers = AcsRiskHeaders.For(decision);
        var simple = steps.Count == 1 && steps[0].Destinations.Count == 1 && decision.Announcement is null && headers.Count == 0;
        if (simple || !canAddParticipants)
        {
            return new AcsCallInstruction.Redirect(steps[0].Destinations[0]);
        }

        return new AcsCallInstruction.Answer(template with
        {
            Announcement = decision.Announcement,
            Steps = steps,
            ClosingAnnouncement = decision.ClosingAnnouncement,
            SipHeaders = headers,
        });
    }
}
