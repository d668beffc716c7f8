using System.Globalization;
using Smartnumbers.Core.Decisions;

namespace Smartnumbers.Functions.Acs.Routing;

/// <summary>
/// The risk verdict as custom calling context SIP headers for the agent's leg (ACS allows ≤5 X-MS-Custom-* headers,
/// values ≤256 characters): score, tags, and whether the call is flagged high risk.
/// </summary>
public static class AcsRiskHeaders
{
    public const string Risk = "X-MS-Custom-Smartnumbers-Risk";
    public const string Tags = "X-MS-Custom-Smartnumbers-Tags";
    public const string Flagged = "X-MS-Custom-Smartnumbers-Flagged";
    private const int MaxValue = 256;

    /// <summary>Empty unless the decision asks to notify the agent and the call was scored.</summary>
    public static IReadOnlyDictionary<string, string> For(RoutingDecision decision)
    {
        if (!decision.NotifyAgent || !decision.Risk.Scored)
        {
            return new Dictionary<string, string>();
        }

        var headers = new Dictionary<string, string>(3, StringComparer.Ordinal)
        {
            [Risk] = decision.Risk.Score.ToString(CultureInfo.InvariantCulture),
            [Flagged] = decision.Flagged ? "true" : "false",
        };
        if (decision.Risk.Tags.Count > 0)
        {
            var tags = string.Join(',', decision.Risk.Tags);
            var cut = tags.Length <= MaxValue ? tags.Length : tags[..MaxValue].LastIndexOf(',');
            headers[Tags] = tags[..(cut > 0 ? cut : MaxValue)];
        }

        return headers;
    }
}
