using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Decisions;

namespace Smartnumbers.Functions.Telemetry;

/// <summary>Metric and span tag values resolved to constant strings, so recording a call formats nothing.</summary>
internal static class TagValues
{
    public const string None = "none";
    public const string True = "true";
    public const string False = "false";

    public static string Of(Carrier carrier) => carrier switch
    {
        Carrier.Twilio => "twilio",
        Carrier.Acs => "acs",
        _ => "other",
    };

    public static string Of(DecisionAction action) => action switch
    {
        DecisionAction.Connect => "connect",
        DecisionAction.Reject => "reject",
        _ => "other",
    };

    public static string Of(RouteSource? source) => source switch
    {
        RouteSource.Override => "override",
        RouteSource.Plan => "plan",
        RouteSource.Normal => "normal",
        RouteSource.Fraud => "fraud",
        RouteSource.Trusted => "trusted",
        RouteSource.Emergency => "emergency",
        null => None,
        _ => "other",
    };
}
