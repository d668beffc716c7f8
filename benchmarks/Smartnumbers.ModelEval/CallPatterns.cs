namespace Smartnumbers.ModelEval;

/// <summary>Which <see cref="CallPattern"/>s are fraud.</summary>
public static class CallPatterns
{
    public static IReadOnlyList<CallPattern> Genuine { get; } =
        [CallPattern.GenuineMobile, CallPattern.GenuineLandline, CallPattern.GenuineInternational,
         CallPattern.GenuineWithheld, CallPattern.GenuineBusiness, CallPattern.GenuineUsCustomer];

    public static IReadOnlyList<CallPattern> Fraud { get; } =
        [CallPattern.SpoofedOwnNumber, CallPattern.StirUnverified, CallPattern.VoipRange,
         CallPattern.PremiumOrHighCost, CallPattern.Burst, CallPattern.SequentialIds];

    public static bool IsFraud(this CallPattern pattern) => pattern >= CallPattern.SpoofedOwnNumber;
}
