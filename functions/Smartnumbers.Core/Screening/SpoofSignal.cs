using Smartnumbers.Core.Risk;

namespace Smartnumbers.Core.Screening;

/// <summary>
/// The signals that a caller ID may be spoofed strongly enough to void an allow-list match: the caller presents the
/// very number it calls, or STIR/SHAKEN failed or vouched only for the gateway (attestation C). An allow list trusts
/// numbers, and a spoofer can present any number, so such a call is screened, scored and diverted as if unlisted.
/// </summary>
internal static class SpoofSignal
{
    /// <summary>The first spoof signal of <paramref name="attributes"/> in words, or null when there is none.</summary>
    public static string? Find(CallDnaVector attributes)
    {
        if (attributes[CallDnaId.CallerIsCalledNumber] >= 0.5)
        {
            return "the caller presents the called number";
        }
        if (attributes[CallDnaId.StirFailed] >= 0.5)
        {
            return "STIR/SHAKEN validation failed";
        }
        return attributes[CallDnaId.StirPassedC] >= 0.5 ? "STIR/SHAKEN gave only attestation C" : null;
    }
}
