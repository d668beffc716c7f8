using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Risk;

namespace Smartnumbers.Core.Decisions;

/// <summary>
/// Phase one of a decision (<see cref="CallDecider.Assess"/>): screening, Call DNA and score, and whether the fraud
/// policy wants a high-risk divert. When <see cref="DivertWanted"/> is true the adapter reserves a slot of the
/// number's hourly divert cap (<see cref="MaxDivertsPerHour"/>) in storage, then calls <see cref="CallDecider.Decide"/>.
/// </summary>
public sealed record CallAssessment
{
    public required AccountSnapshot Snapshot { get; init; }
    public required InboundCall Call { get; init; }
    public required CallerHistory History { get; init; }
    /// <summary>The called number's config; null when the account does not have the number.</summary>
    public NumberConfig? Number { get; init; }
    /// <summary>The called number as keyed in <see cref="AccountSnapshot.Numbers"/> (use it for counters).</summary>
    public string? NumberKey { get; init; }
    /// <summary>The caller's E.164 identity (presentation, else network) for velocity counters; null when withheld.</summary>
    public string? CallerNumber { get; init; }
    /// <summary>Set when the call is already decided as a reject (unknown number, block list, ACR, ICR).</summary>
    public RoutingDecision? Rejection { get; init; }
    /// <summary>
    /// The caller is on the allow list and the call carries no spoof signal: screening and the fraud policy were
    /// skipped (never rejected, flagged or diverted); <see cref="Risk"/> still holds its score for the record.
    /// </summary>
    public bool Trusted { get; init; }
    public RiskAssessment Risk { get; init; } = RiskAssessment.NotScored;
    /// <summary>Fraud policy enabled and score at or above its threshold.</summary>
    public bool HighRisk { get; init; }
    /// <summary>High risk and the policy has a high-risk route and a cap above 0: ask storage for a cap slot.</summary>
    public bool DivertWanted { get; init; }
    /// <summary>The cap to enforce when <see cref="DivertWanted"/> (per number, per clock hour).</summary>
    public int MaxDivertsPerHour { get; init; }
    /// <summary>How the assessment was reached, in order.</summary>
    public IReadOnlyList<string> Explanation { get; init; } = [];
}
