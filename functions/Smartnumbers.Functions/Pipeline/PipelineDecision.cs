using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Decisions;

namespace Smartnumbers.Functions.Pipeline;

/// <summary>One pass through history → assess → divert cap → decide, with what each stage saw.</summary>
/// <param name="DivertsThisHour">The simulator's read of the cap (null for real calls, or when it could not be read).</param>
public sealed record PipelineDecision(CallAssessment Assessment, RoutingDecision Decision, CallerHistory History, CallDecider Decider, int? DivertsThisHour);
