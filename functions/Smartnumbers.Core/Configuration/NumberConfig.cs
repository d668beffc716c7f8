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

    /// <summary>Field-level errors; empty when valid. The number itself (the URL's e164) is checked by <see cref="IsValidNumber"/>.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        ConfigChecks.MaxLength(Label, "label", errors, ConfigLimits.MaxNameLength);
        Screening?.Validate("screening", errors);
        Fraud?.Validate("fraud", errors);
        ConfigChecks.Route(Route, "route", errors);
        ConfigChecks.TimeZone(TimeZone, "timeZone", errors);
        return errors;
    }

    /// <summary>True for a valid E.164 number (libphonenumber), or an Ofcom drama-range number used in tests.</summary>
    public static bool IsValidNumber(string? e164) => ConfigChecks.IsE164(e164);
}
