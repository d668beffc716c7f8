using Smartnumbers.Core;
using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Decisions;

namespace Smartnumbers.Benchmarks;

/// <summary>A realistic account (50 numbers, lists, plans, sites, one down) and one call of each kind.</summary>
internal static class CallMix
{
    public const string Retail = "+441134960001";
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static readonly string[] Kinds =
        ["GenuineMobile", "GenuineLandline", "Withheld", "Invalid", "International", "SpoofedOwnNumber", "Blocklisted", "HighRisk"];

    public static AccountSnapshot Snapshot()
    {
        static Route Route(params string[] d) => new()
        {
            Steps = [.. d.Select(x => new RouteStep { Destinations = [x], RingSeconds = 20 })],
            Rules = [new TimeRule { Days = [1, 2, 3, 4, 5], From = "08:00", To = "18:00", TimeZone = "Europe/London", Otherwise = new Route { Steps = [new RouteStep { Destinations = ["+441134960999"] }] } }],
        };
        var numbers = new Dictionary<string, NumberConfig>();
        for (var i = 0; i < 50; i++)
        {
            numbers[$"+4411349600{i:00}"] = new NumberConfig
            {
                Route = Route("+441134960500", "+447400123456", "sip:desk@pbx.leeds.example"),
                Screening = new ScreeningOptions { Icr = ScreeningResponse.Announcement },
                Fraud = new FraudPolicy { Enabled = true, Threshold = 70, HighRiskRoute = Route("+442071838750") },
                TimeZone = "Europe/London",
            };
        }
        var block = new HashSet<string> { "+4490*", "+44870*", "+23480*" };
        var allow = new HashSet<string>();
        for (var i = 0; i < 200; i++)
        {
            block.Add($"+4479841{i:00000}");
            allow.Add($"+4416149{i:00000}");
        }
        return new AccountSnapshot
        {
            AccountId = "bench",
            Settings = new AccountSettings { Name = "Northwind Bank", Screening = new ScreeningOptions { Icr = ScreeningResponse.Announcement } },
            Numbers = numbers,
            Plans = new Dictionary<string, DialPlan> { ["leeds-closed"] = new() { Name = "Leeds closed", DefaultRoute = Route("+442071838751") } },
            PlanState = new DialPlanState { LoadedSlots = new Dictionary<int, string> { [1] = "leeds-closed" } },
            BlockList = new CallerList { Entries = block },
            AllowList = new CallerList { Entries = allow },
            Sites = new Dictionary<string, Site>
            {
                ["leeds"] = new() { Name = "Leeds", Destinations = ["+441134960500"] },
                ["london"] = new() { Name = "London", Destinations = ["+442071838750"] },
            },
            DownSites = new HashSet<string> { "leeds" },
        };
    }

    /// <summary>The reason each kind's decision must give (with the divert slot granted whenever one is wanted).</summary>
    public static string ExpectedReason(string kind) => kind switch
    {
        "Invalid" => DecisionReasons.IcrInvalid,
        "Blocklisted" => DecisionReasons.Blocked,
        "SpoofedOwnNumber" or "HighRisk" => DecisionReasons.HighRiskDivert,
        _ => DecisionReasons.Routed,
    };

    public static (InboundCall Call, CallerHistory History) Call(string kind)
    {
        var none = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var gb = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [CallHints.FromCountry] = "GB" };
        var abroad = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [CallHints.FromCountry] = "NG", ["SipHeader_X-Origin"] = "gw3" };
        var (from, hints, history) = kind switch
        {
            "GenuineMobile" => ("+447984223456", gb, new CallerHistory { CallsFromCallerLastDay = 1, PriorGenuineLabels = 1 }),
            "GenuineLandline" => ("+441614960123", none, CallerHistory.Empty),
            "Withheld" => ("anonymous", none, new CallerHistory { WithheldCallsToNumberLastHour = 3 }),
            "Invalid" => ("+447700900123", none, CallerHistory.Empty),
            "International" => ("+33142685300", new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [CallHints.FromCountry] = "FR" }, CallerHistory.Empty),
            "SpoofedOwnNumber" => (Retail, abroad, CallerHistory.Empty),
            "Blocklisted" => ("+447984100042", none, CallerHistory.Empty),
            "HighRisk" => ("+441614960777", abroad, new CallerHistory { CallsFromCallerLastHour = 9, CallsFromCallerLastDay = 40, DistinctNumbersCalledToday = 5, PriorFraudLabels = 2 }),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return (InboundCall.Create("CA" + kind, Carrier.Twilio, Retail, from, Noon, hints: hints), history);
    }
}
