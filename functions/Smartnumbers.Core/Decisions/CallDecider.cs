using System.Runtime.CompilerServices;
using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Risk;
using Smartnumbers.Core.Screening;

namespace Smartnumbers.Core.Decisions;

/// <summary>
/// The per-call decision, pure (no I/O, no clock: time is <see cref="InboundCall.ArrivedAt"/>), thread-safe, never
/// throwing on odd caller data. Two phases keep the divert cap exact without I/O here:
/// <list type="number">
/// <item><see cref="Assess"/>: allow list → block list → ACR → ICR → Call DNA → score → fraud policy. An allow-listed
/// caller skips screening and the fraud policy (it is scored, for the record, but never rejected or diverted) unless
/// the call carries a spoof signal (<see cref="SpoofSignal"/>): then it is handled as if it were not listed.</item>
/// <item>If <see cref="CallAssessment.DivertWanted"/>, the adapter atomically reserves one of the number's
/// <see cref="CallAssessment.MaxDivertsPerHour"/> slots for the current clock hour in storage.</item>
/// <item><see cref="Decide"/> with the reservation's outcome: reject, or route (override → active plan → normal;
/// fraud divert or trusted route; time rules; down-site skipping).</item>
/// </list>
/// <see cref="Simulate"/> runs both phases for the admin simulator.
/// </summary>
public sealed class CallDecider
{
    /// <summary>A decider with <see cref="RiskModel.Default"/>.</summary>
    public static CallDecider Default { get; } = new();

    /// <summary>A decider scoring with <paramref name="model"/> (default weights when null) and, in shadow, <paramref name="candidate"/>.</summary>
    public CallDecider(RiskModel? model = null, RiskModel? candidate = null)
    {
        Model = model ?? RiskModel.Default;
        Candidate = candidate;
    }

    /// <summary>The live model: its score decides.</summary>
    public RiskModel Model { get; }

    /// <summary>The candidate model, scoring every scored call in shadow (<see cref="RiskAssessment.ShadowScore"/>); null when none.</summary>
    public RiskModel? Candidate { get; }

    /// <summary>Phase one: screening, Call DNA, score and fraud policy. Never throws for any call data.</summary>
    public CallAssessment Assess(AccountSnapshot snapshot, InboundCall call, CallerHistory? history = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(call);
        var explanation = new List<string>(8);
        var facts = CallFactsBuilder.Build(snapshot, call, history ?? CallerHistory.Empty);
        if (facts.Number is null)
        {
            explanation.Add("The called number is not configured in this account.");
            return Assessment(facts, explanation, rejection: Reject(DecisionReasons.UnknownNumber, ScreeningResponse.Unallocated, null, RiskAssessment.NotScored, explanation));
        }
        CallDnaVector? attributes = null;
        if (facts.Index.Allow.Match(call.Withheld, facts.Presentation.E164) != ListMatch.None)
        {
            attributes = CallDnaExtractor.Extract(facts);
            if (SpoofSignal.Find(attributes) is not { } spoof)
            {
                var scored = Score(attributes);
                explanation.Add(ScoreLine("Allow list: trusted caller; screening and the fraud divert skipped. Call DNA score ", scored, ", recorded only."));
                return Assessment(facts, explanation, scored, trusted: true);
            }
            explanation.Add($"Allow list matched, but the call carries a spoof signal ({spoof}): screened, scored and diverted as if not listed.");
        }
        var verdict = Screener.Screen(facts);
        if (verdict is not null)
        {
            explanation.Add(verdict.Explanation);
            return Assessment(facts, explanation, rejection: Reject(verdict.Reason, verdict.Response, verdict.AnnouncementText, RiskAssessment.NotScored, explanation));
        }
        explanation.Add("Screening passed.");
        var risk = Score(attributes ?? CallDnaExtractor.Extract(facts));
        explanation.Add(ScoreLine("Call DNA score ", risk, "."));
        var policy = facts.Number.Fraud;
        var highRisk = policy is { Enabled: true } && risk.Score >= policy.Threshold;
        var divertWanted = highRisk && policy!.HighRiskRoute is not null && policy.MaxDivertsPerHour > 0;
        if (highRisk)
        {
            explanation.Add(divertWanted
                ? $"High risk (threshold {policy!.Threshold}): divert to the high-risk route wanted, cap {policy.MaxDivertsPerHour}/hour."
                : $"High risk (threshold {policy!.Threshold}): flagged; no divert configured.");
        }
        return Assessment(facts, explanation, risk, highRisk: highRisk, divertWanted: divertWanted, maxDivertsPerHour: policy?.MaxDivertsPerHour ?? 0);
    }

    /// <summary>
    /// Phase two: the routing decision. <paramref name="divertGranted"/> is storage's answer to "may this call take one
    /// of this hour's divert slots?" (ignored unless <see cref="CallAssessment.DivertWanted"/>).
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Instance API: deciders may carry routing options later.")]
    public RoutingDecision Decide(CallAssessment assessment, bool divertGranted = false)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (assessment.Rejection is not null)
        {
            return assessment.Rejection;
        }
        if (assessment.Number is null || assessment.NumberKey is null)
        {
            return Reject(DecisionReasons.UnknownNumber, ScreeningResponse.Unallocated, null, assessment.Risk, [.. assessment.Explanation]);
        }
        return RouteBuilder.Build(assessment, divertGranted);
    }

    /// <summary>Both phases at once, for the simulator (<paramref name="divertGranted"/> stands in for the cap).</summary>
    public RoutingDecision Simulate(AccountSnapshot snapshot, InboundCall call, CallerHistory? history = null, bool divertGranted = true) =>
        Decide(Assess(snapshot, call, history), divertGranted);

    /// <summary>The live model's assessment, with the candidate's score beside it (one more dot product) when there is one.</summary>
    private RiskAssessment Score(CallDnaVector attributes)
    {
        var risk = Model.Assess(attributes);
        return Candidate is { } candidate
            ? risk with { ShadowScore = RiskModel.ScoreOf(candidate.Probability(attributes.Values)) }
            : risk;
    }

    /// <summary>The assessment, built once (not a baseline copied with <c>with</c>: one allocation per call, not two).</summary>
    private static CallAssessment Assessment(in CallFacts facts, List<string> explanation, RiskAssessment? risk = null,
        RoutingDecision? rejection = null, bool trusted = false, bool highRisk = false, bool divertWanted = false,
        int maxDivertsPerHour = 0) => new()
    {
        Snapshot = facts.Snapshot,
        Call = facts.Call,
        History = facts.History,
        Number = facts.Number,
        NumberKey = facts.CalledKey,
        CallerNumber = facts.CallerE164,
        Explanation = explanation,
        Rejection = rejection,
        Trusted = trusted,
        Risk = risk ?? RiskAssessment.NotScored,
        HighRisk = highRisk,
        DivertWanted = divertWanted,
        MaxDivertsPerHour = maxDivertsPerHour,
    };

    /// <summary>"{before}42 (spoofed, invalid){after}", or "{before}3{after}" without tags, written as one string.</summary>
    private static string ScoreLine(string before, RiskAssessment risk, string after)
    {
        var line = new DefaultInterpolatedStringHandler(before.Length + after.Length + 64, 1);
        line.AppendLiteral(before);
        line.AppendFormatted(risk.Score);
        for (var i = 0; i < risk.Tags.Count; i++)
        {
            line.AppendLiteral(i == 0 ? " (" : ", ");
            line.AppendLiteral(risk.Tags[i]);
        }
        line.AppendLiteral(risk.Tags.Count > 0 ? ")" : "");
        line.AppendLiteral(after);
        return line.ToStringAndClear();
    }

    private static RoutingDecision Reject(string reason, ScreeningResponse response, string? text, RiskAssessment risk, List<string> explanation)
    {
        var mode = response switch
        {
            ScreeningResponse.Announcement => RejectMode.Announcement,
            ScreeningResponse.Unallocated => RejectMode.Unallocated,
            _ => RejectMode.Busy,
        };
        return new RoutingDecision
        {
            Action = DecisionAction.Reject,
            RejectMode = mode,
            Reason = reason,
            SipCode = mode switch { RejectMode.Busy => 486, RejectMode.Unallocated => 404, _ => 200 },
            Announcement = mode == RejectMode.Announcement ? text : null,
            Risk = risk,
            Explanation = explanation,
        };
    }
}
