namespace Smartnumbers.ModelEval;

/// <summary>
/// The seed and distributions of the evaluation set. The defaults are the documented set (docs/core.md, "The labelled
/// evaluation set", says where each figure comes from); change them only together with that section.
/// </summary>
public sealed record EvaluationSetOptions
{
    /// <summary>The fixed seed of the documented set.</summary>
    public const int DocumentedSeed = 20261130;

    public int Seed { get; init; } = DocumentedSeed;
    /// <summary>First day (UTC midnight, a Monday).</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 9, 7, 0, 0, 0, TimeSpan.Zero);
    public int Days { get; init; } = 91;

    /// <summary>Genuine calling sessions per weekday, Saturday and Sunday (a session is a call and its redials).</summary>
    public int WeekdaySessions { get; init; } = 520;
    public int SaturdaySessions { get; init; } = 200;
    public int SundaySessions { get; init; } = 110;

    /// <summary>Share of fraud among all calls of the set (the rest genuine).</summary>
    public double FraudShare { get; init; } = 0.02;

    /// <summary>Who a new genuine caller is.</summary>
    public IReadOnlyDictionary<CallPattern, double> GenuineMix { get; init; } = new Dictionary<CallPattern, double>
    {
        [CallPattern.GenuineMobile] = 0.55,
        [CallPattern.GenuineLandline] = 0.22,
        [CallPattern.GenuineInternational] = 0.08,
        [CallPattern.GenuineWithheld] = 0.05,
        [CallPattern.GenuineBusiness] = 0.05,
        [CallPattern.GenuineUsCustomer] = 0.05,
    };

    /// <summary>How fraud calls divide between the patterns.</summary>
    public IReadOnlyDictionary<CallPattern, double> FraudMix { get; init; } = new Dictionary<CallPattern, double>
    {
        [CallPattern.SpoofedOwnNumber] = 0.20,
        [CallPattern.StirUnverified] = 0.10,
        [CallPattern.VoipRange] = 0.15,
        [CallPattern.PremiumOrHighCost] = 0.15,
        [CallPattern.Burst] = 0.25,
        [CallPattern.SequentialIds] = 0.15,
    };

    /// <summary>Share of genuine sessions made by a caller who called before (picked uniformly from earlier callers).</summary>
    public double RepeatCallerShare { get; init; } = 0.35;
    /// <summary>Share of genuine sessions followed by redials (1–3 redials; one in ten of them 4–7) within minutes.</summary>
    public double RedialShare { get; init; } = 0.10;
    /// <summary>Share of UK-mobile genuine calls made while roaming (the carrier reports a foreign origin).</summary>
    public double RoamingShare { get; init; } = 0.03;
    /// <summary>Share of Twilio calls whose carrier gives no origin country.</summary>
    public double MissingOriginShare { get; init; } = 0.10;
    /// <summary>Chance that a call is labelled by an operator (visible to later calls from the caller as prior labels).</summary>
    public double FraudLabelledShare { get; init; } = 0.50;
    public double GenuineLabelledShare { get; init; } = 0.03;
    /// <summary>How long after the call a label is given, in hours (drawn uniformly): fraud after an investigation or a
    /// customer's complaint, genuine after a review of a flagged call.</summary>
    public (double Min, double Max) FraudLabelDelayHours { get; init; } = (24, 168);
    public (double Min, double Max) GenuineLabelDelayHours { get; init; } = (2, 48);

    /// <summary>Relative weight of each local hour (0–23) for genuine calls on weekdays and at weekends.</summary>
    public IReadOnlyList<double> WeekdayHours { get; init; } =
        [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 4, 8, 8, 8, 7, 7, 7, 6, 5, 4, 2.5, 2, 1.5, 1, 0.6, 0.3];
    public IReadOnlyList<double> WeekendHours { get; init; } =
        [0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.3, 1, 2, 4, 5, 5, 5, 4.5, 4, 3.5, 3, 2.5, 2, 1.5, 1, 0.8, 0.5, 0.3];
    /// <summary>Relative weight of each local hour for fraud campaigns, any day: flatter, with nights.</summary>
    public IReadOnlyList<double> FraudHours { get; init; } =
        [2, 2, 2, 2, 1.5, 1.5, 2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 3.5, 3, 3, 2.5];
}
