using Smartnumbers.Core.Configuration;
using static Smartnumbers.Core.Tests.TestAccounts;

namespace Smartnumbers.Core.Tests.Configuration;

public sealed class ValidationTests
{
    private static string[] Fields(IEnumerable<FieldError> errors) => [.. errors.Select(e => e.Field)];

    [Fact]
    public void A_well_formed_number_document_has_no_errors()
    {
        var number = new NumberConfig
        {
            Label = "Retail",
            Route = new Route
            {
                Steps = [new RouteStep { Destinations = ["+441134960000", "sip:desk@pbx.example.com"], RingSeconds = 20 }],
                Rules = [new TimeRule { Days = [1, 2, 3, 4, 5], From = "08:00", To = "18:00", TimeZone = "Europe/London", Otherwise = RouteTo(AgentMobile) }],
            },
            Fraud = new FraudPolicy { Enabled = true, HighRiskRoute = RouteTo(FraudDesk) },
            TimeZone = "Europe/London",
        };

        Assert.Empty(number.Validate());
    }

    [Fact]
    public void Route_errors_name_the_field_path()
    {
        var number = new NumberConfig
        {
            Route = new Route
            {
                Steps =
                [
                    new RouteStep { Destinations = ["+441134960000"], RingSeconds = 4 },
                    new RouteStep { Destinations = ["07984123456", "sip:nohost", "+447984123456"], RingSeconds = 601 },
                    new RouteStep { Destinations = [] },
                ],
                Rules = [new TimeRule { Days = [0, 8], From = "8:00", To = "25:00", TimeZone = "Mars/Base" }],
            },
            Fraud = new FraudPolicy { Threshold = 101, MaxDivertsPerHour = -1 },
            TimeZone = "Nowhere",
        };

        string[] expected =
        [
            "route.steps[0].ringSeconds", "route.steps[1].destinations[0]", "route.steps[1].destinations[1]",
            "route.steps[1].ringSeconds", "route.steps[2].destinations", "route.rules[0].days", "route.rules[0].from",
            "route.rules[0].to", "route.rules[0].timeZone", "fraud.threshold", "fraud.maxDivertsPerHour", "timeZone",
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), Fields(number.Validate()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_route_needs_at_least_one_step_and_at_most_the_limit()
    {
        Assert.Equal(["route.steps"], Fields(new Route { Steps = [] }.Validate()));
        var tooMany = new Route { Steps = [.. Enumerable.Repeat(new RouteStep { Destinations = [Agent] }, ConfigLimits.MaxStepsPerRoute + 1)] };
        Assert.Equal(["route.steps"], Fields(tooMany.Validate()));
        var wide = new Route { Steps = [new RouteStep { Destinations = [.. Enumerable.Repeat(Agent, ConfigLimits.MaxDestinationsPerStep + 1)] }] };
        Assert.Equal(["route.steps[0].destinations"], Fields(wide.Validate()));
    }

    [Theory]
    [InlineData("leeds-closed", true)]
    [InlineData("a", true)]
    [InlineData("Leeds", false)]
    [InlineData("leeds_closed", false)]
    [InlineData("", false)]
    [InlineData("abcdefghijabcdefghijabcdefghijabcdefghij", true)]
    [InlineData("abcdefghijabcdefghijabcdefghijabcdefghijk", false)]
    public void Plan_ids_are_lowercase_letters_digits_and_hyphens_up_to_forty(string id, bool valid) =>
        Assert.Equal(valid, DialPlan.IsValidId(id));

    [Fact]
    public void A_plan_validates_entries_against_the_account()
    {
        var plan = new DialPlan
        {
            Name = "Closed",
            Entries =
            [
                new DialPlanEntry { Number = Retail, Route = RouteTo(Agent) },
                new DialPlanEntry { Number = Retail, Route = RouteTo(Agent) },
                new DialPlanEntry { Number = "+442071838751", Route = RouteTo(Agent) },
                new DialPlanEntry { Number = "12345", Route = new Route { Steps = [] } },
            ],
        };

        Assert.Equal(
            ["entries[1].number", "entries[2].number", "entries[3].number", "entries[3].route.steps"],
            Fields(plan.Validate(Snapshot())));
    }

    [Fact]
    public void A_sites_failover_plan_must_exist_and_probes_must_be_well_formed()
    {
        var site = new Site
        {
            Name = "Leeds",
            Destinations = [Agent],
            Probes =
            [
                new Probe { Kind = ProbeKind.SipOptions, Target = "sip:sbc.leeds.example:5060;transport=udp" },
                new Probe { Kind = ProbeKind.Http, Target = "ftp://pbx.example/health" },
                new Probe { Kind = ProbeKind.Tcp, Target = "pbx.example", TimeoutMs = 50, HealthyCodes = [408] },
            ],
            DownAfter = 0,
            UpAfter = 11,
            FailoverPlan = "leeds-closed",
        };

        Assert.Equal(
            ["probes[1].target", "probes[2].target", "probes[2].timeoutMs", "probes[2].healthyCodes[0]", "downAfter", "upAfter", "failoverPlan"],
            Fields(site.Validate(Snapshot())));
        var withPlan = Snapshot(with: s => s with { Plans = new Dictionary<string, DialPlan> { ["leeds-closed"] = new() { Name = "x" } } });
        Assert.DoesNotContain("failoverPlan", Fields(site.Validate(withPlan)));
    }

    [Theory]
    [InlineData("123", true)]
    [InlineData("1234567890", true)]
    [InlineData("12", false)]
    [InlineData("12345678901", false)]
    [InlineData("12a", false)]
    public void Staff_ids_are_three_to_ten_digits(string id, bool valid)
    {
        var staff = new StaffMember { Id = id, Name = "A. Agent", PinHash = "h", Numbers = [Retail] };

        Assert.Equal(valid, StaffMember.IsValidId(id));
        Assert.Equal(valid, staff.Validate(Snapshot()).Count == 0);
    }

    [Fact]
    public void Staff_numbers_must_belong_to_the_account()
    {
        var staff = new StaffMember { Id = "1001", Name = "A. Agent", PinHash = "h", Numbers = ["+442071838751", "x"] };

        Assert.Equal(["numbers[0]", "numbers[1]"], Fields(staff.Validate(Snapshot())));
    }

    [Fact]
    public void Account_override_plan_state_and_list_entries_validate()
    {
        Assert.Empty(new AccountSettings { Name = "Northwind" }.Validate());
        Assert.Equal(["name", "homeRegion", "timeZone"], Fields(new AccountSettings { Name = " ", HomeRegion = "XX", TimeZone = "Atlantis/Central" }.Validate()));
        Assert.Equal(["destinations", "ringSeconds", "setBy"], Fields(new PersonalOverride { Destinations = [], RingSeconds = 601, SetBy = "x" }.Validate()));
        var state = new DialPlanState { LoadedSlots = new Dictionary<int, string> { [6] = "missing" }, ActivePlanId = "other" };
        Assert.Equal(["loadedSlots.6", "loadedSlots.6", "activePlanId"], Fields(state.Validate(Snapshot())));
        Assert.Null(CallerList.ValidateEntry("anonymous"));
        Assert.Null(CallerList.ValidateEntry("+44909*"));
        Assert.Null(CallerList.ValidateEntry(GenuineMobile));
        Assert.NotNull(CallerList.ValidateEntry("*"));
        Assert.NotNull(CallerList.ValidateEntry("07984123456"));
        Assert.True(NumberConfig.IsValidNumber("+447700900123"));
        Assert.False(NumberConfig.IsValidNumber("+4477009001"));
    }
}
