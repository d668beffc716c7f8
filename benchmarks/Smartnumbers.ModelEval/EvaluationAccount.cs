using Smartnumbers.Core;
using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Configuration;

namespace Smartnumbers.ModelEval;

/// <summary>
/// The account the evaluation calls reach: a UK bank with four UK numbers and a US branch line, each with its own
/// fraud threshold. Screening is off (no block or allow list, ACR and ICR off) so that every call is scored.
/// </summary>
public static class EvaluationAccount
{
    public const string Retail = "+441132431000";
    public const string Cards = "+441132431001";
    public const string Mortgages = "+442074961000";
    public const string Freephone = "+448002346000";
    public const string UsBranch = "+12126410100";
    private const string FraudDesk = "+442074961999";

    /// <summary>The UK numbers, and the share of genuine UK traffic each receives.</summary>
    public static IReadOnlyList<(string Number, double Share)> UkNumbers { get; } =
        [(Retail, 0.40), (Cards, 0.25), (Mortgages, 0.15), (Freephone, 0.20)];

    public static IReadOnlyList<string> AllNumbers { get; } = [Retail, Cards, Mortgages, Freephone, UsBranch];

    /// <summary>The carrier each number is on: Mortgages came over to Azure Communication Services, the rest are on Twilio.</summary>
    public static Carrier CarrierOf(string number) => number == Mortgages ? Carrier.Acs : Carrier.Twilio;

    public static AccountSnapshot Snapshot { get; } = new()
    {
        AccountId = "model-eval",
        Settings = new AccountSettings
        {
            Name = "Northwind Bank",
            HomeRegion = "GB",
            TimeZone = "Europe/London",
            Screening = new ScreeningOptions { Acr = ScreeningResponse.Off, Icr = ScreeningResponse.Off },
        },
        Numbers = new Dictionary<string, NumberConfig>
        {
            [Retail] = Number("Retail banking", 70, "Europe/London"),
            [Cards] = Number("Lost and stolen cards", 60, "Europe/London"),
            [Mortgages] = Number("Mortgages", 75, "Europe/London"),
            [Freephone] = Number("Freephone helpline", 70, "Europe/London"),
            [UsBranch] = Number("New York branch", 65, "America/New_York"),
        },
    };

    /// <summary>The fraud threshold of <paramref name="number"/>.</summary>
    public static int ThresholdOf(string number) => Snapshot.Numbers[number].Fraud!.Threshold;

    /// <summary>The time zone of <paramref name="number"/>.</summary>
    public static TimeZoneInfo ZoneOf(string number) =>
        TimeZoneInfo.FindSystemTimeZoneById(Snapshot.Numbers[number].TimeZone ?? Snapshot.Settings.TimeZone);

    private static NumberConfig Number(string label, int threshold, string zone) => new()
    {
        Label = label,
        Route = new Route { Steps = [new RouteStep { Destinations = ["+441132431900"], RingSeconds = 20 }] },
        Fraud = new FraudPolicy
        {
            Enabled = true,
            Threshold = threshold,
            HighRiskRoute = new Route { Steps = [new RouteStep { Destinations = [FraudDesk] }] },
        },
        TimeZone = zone,
    };
}
