namespace Smartnumbers.Core.Configuration;

/// <summary>Texts spoken by the carrier's text-to-speech. Null means the product's default wording.</summary>
public sealed record Announcements
{
    public string? Acr { get; init; }
    public string? Icr { get; init; }
    public string? Blocked { get; init; }
    /// <summary>Played after the last step of a route fails, before hanging up.</summary>
    public string? Closed { get; init; }

    internal void Validate(string field, List<FieldError> errors)
    {
        ConfigChecks.MaxLength(Acr, $"{field}.acr", errors, ConfigLimits.MaxAnnouncementLength);
        ConfigChecks.MaxLength(Icr, $"{field}.icr", errors, ConfigLimits.MaxAnnouncementLength);
        ConfigChecks.MaxLength(Blocked, $"{field}.blocked", errors, ConfigLimits.MaxAnnouncementLength);
        ConfigChecks.MaxLength(Closed, $"{field}.closed", errors, ConfigLimits.MaxAnnouncementLength);
    }
}
