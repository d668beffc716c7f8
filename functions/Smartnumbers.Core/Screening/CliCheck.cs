using Smartnumbers.Core.Decisions;
using Smartnumbers.Core.Numbers;

namespace Smartnumbers.Core.Screening;

/// <summary>
/// Intelligent Caller Rejection's test of one caller ID (Ofcom GC C6 and CLI guidance): it must be a valid, dialable
/// number. UK numbers must be 10 or 11 digits (national form), never 09 (banned as CLI) and never 08979 (non-dialable
/// placeholder); every number must be valid per libphonenumber. Valid international numbers pass.
/// </summary>
internal static class CliCheck
{
    /// <summary>The <see cref="DecisionReasons"/> ICR value that fails <paramref name="n"/>, or null when it passes.</summary>
    public static string? Failure(in ParsedNumber n)
    {
        if (!n.Present)
        {
            return DecisionReasons.IcrMissing;
        }
        if (!n.Dialable)
        {
            return DecisionReasons.IcrNonDialable;
        }
        if (!n.Parsed)
        {
            return DecisionReasons.IcrInvalid;
        }
        if (n.IsUk && n.National is not null)
        {
            if (n.National.Length is < 9 or > 10)
            {
                return DecisionReasons.IcrWrongLength;
            }
            if (n.National.StartsWith('9'))
            {
                return DecisionReasons.IcrPremiumRate;
            }
            if (n.National.StartsWith("8979", StringComparison.Ordinal))
            {
                return DecisionReasons.IcrNonDialable;
            }
        }
        return n.Valid ? null : DecisionReasons.IcrInvalid;
    }
}
