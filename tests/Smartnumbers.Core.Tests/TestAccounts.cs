using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Configuration;

namespace Smartnumbers.Core.Tests;

/// <summary>Builders for snapshots and calls used across the Core tests. Numbers are real-format, valid ranges.</summary>
internal static class TestAccounts
{
    public const string Retail = "+441134960001";
    public const string Cards = "+441134960002";
    public const string FraudDesk = "+442071838750";
    public const string Agent = "+441134960000";
    public const string AgentMobile = "+447400123456";
    public const string GenuineMobile = "+447984123456";
    public const string GenuineLandline = "+441614960000";
    public static readonly DateTimeOffset MondayNoon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static Route RouteTo(params string[] destinations) =>
        new() { Steps = [.. destinations.Select(d => new RouteStep { Destinations = [d], RingSeconds = 20 })] };

    public static AccountSnapshot Snapshot(
        NumberConfig? number = null,
        ScreeningOptions? accountScreening = null,
        Func<AccountSnapshot, AccountSnapshot>? with = null)
    {
        var snapshot = new AccountSnapshot
        {
            AccountId = "acc-" + Guid.NewGuid().ToString("N")[..8],
            Settings = new AccountSettings { Name = "Northwind Bank", Screening = accountScreening ?? new ScreeningOptions() },
            Numbers = new Dictionary<string, NumberConfig>
            {
                [Retail] = number ?? new NumberConfig { Route = RouteTo(Agent, AgentMobile) },
            },
        };
        return with is null ? snapshot : with(snapshot);
    }

    public static InboundCall Call(string? from, string called = Retail, DateTimeOffset? at = null,
        string? network = null, Carrier carrier = Carrier.Twilio, IReadOnlyDictionary<string, string>? hints = null,
        bool anonymous = false, string? displayName = null) =>
        InboundCall.Create("CA" + Guid.NewGuid().ToString("N"), carrier, called, from, at ?? MondayNoon, network, anonymous, displayName, hints);
}
