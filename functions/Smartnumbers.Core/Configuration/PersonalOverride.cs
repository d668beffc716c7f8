namespace Smartnumbers.Core.Configuration;

/// <summary>PUT /api/accounts/{account}/overrides/{e164}: calls to the number ring these destinations until it expires.</summary>
public sealed record PersonalOverride
{
    public required IReadOnlyList<string> Destinations { get; init; }
    public int RingSeconds { get; init; } = 30;
    /// <summary>Null: until cancelled.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
    /// <summary>The staff member who set it, when set from the IVR.</summary>
    public string? SetBy { get; init; }

    /// <summary>Field-level errors; empty when valid.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        ConfigChecks.Destinations(Destinations, "destinations", errors, ConfigLimits.MaxDestinationsPerStep);
        ConfigChecks.Range(RingSeconds, ConfigLimits.MinRingSeconds, ConfigLimits.MaxRingSeconds, "ringSeconds", errors);
        if (SetBy is not null && !ConfigChecks.IsStaffId(SetBy))
        {
            errors.Add(new("setBy", "A staff id: 3 to 10 digits."));
        }
        return errors;
    }
}
