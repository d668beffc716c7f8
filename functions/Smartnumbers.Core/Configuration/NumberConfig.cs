namespace Smartnumbers.Core.Configuration;

/// <summary>The number document: PUT /api/accounts/{account}/numbers/{e164}.</summary>
public sealed record NumberConfig
{
    public string? Label { get; init; }
    /// <summary>Null members fall back to the account's screening defaults.</summary>
    public ScreeningOptions? Screening { get; init; }
    public FraudPolicy? Fraud { get; init; }
    /// <summary>The normal route.</summary>
    public required Route Route { get; init; }
    /// <summary>True: this number is the account's IVR dial-in line.</summary>
    public bool ControlLine { get; init; }
    /// <summary>IANA zone for time-of-day rules and attributes; null means the account's.</summary>
    public string? TimeZone { get; init; }
}
