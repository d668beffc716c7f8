namespace Smartnumbers.Core.Configuration;

/// <summary>The account document: PUT /api/accounts/{account}.</summary>
public sealed record AccountSettings
{
    public required string Name { get; init; }
    /// <summary>ISO 3166 region of the account's home network; callers from elsewhere are "international".</summary>
    public string HomeRegion { get; init; } = "GB";
    /// <summary>IANA time zone used for numbers that set none.</summary>
    public string TimeZone { get; init; } = "Europe/London";
    public ScreeningOptions Screening { get; init; } = new();
    public Announcements Announcements { get; init; } = new();

    /// <summary>Field-level errors; empty when valid.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        ConfigChecks.Required(Name, "name", errors);
        if (string.IsNullOrWhiteSpace(HomeRegion) || !Numbers.PhoneNumberParser.Util.GetSupportedRegions().Contains(HomeRegion))
        {
            errors.Add(new("homeRegion", "Must be an ISO 3166 region code libphonenumber supports, e.g. GB."));
        }
        ConfigChecks.TimeZone(TimeZone ?? "", "timeZone", errors);
        Screening?.Validate("screening", errors);
        Announcements?.Validate("announcements", errors);
        return errors;
    }
}
