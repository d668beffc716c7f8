namespace Smartnumbers.Core.Configuration;

/// <summary>A delivery site: PUT /api/accounts/{account}/sites/{site}.</summary>
public sealed record Site
{
    public required string Name { get; init; }
    /// <summary>Destinations (E.164 or sip:) that live at this site; skipped by routing while the site is down.</summary>
    public IReadOnlyList<string> Destinations { get; init; } = [];
    public IReadOnlyList<Probe> Probes { get; init; } = [];
    /// <summary>Consecutive failed rounds that mark the site down (1–10).</summary>
    public int DownAfter { get; init; } = 3;
    /// <summary>Consecutive healthy rounds that mark it up again (1–10).</summary>
    public int UpAfter { get; init; } = 2;
    /// <summary>Plan activated when the site goes down; null: none.</summary>
    public string? FailoverPlan { get; init; }

    /// <summary>
    /// Field-level errors; empty when valid. With <paramref name="account"/>, <see cref="FailoverPlan"/> must name one of
    /// its plans.
    /// </summary>
    public IReadOnlyList<FieldError> Validate(AccountSnapshot? account = null)
    {
        var errors = new List<FieldError>();
        ConfigChecks.Required(Name, "name", errors);
        ConfigChecks.Destinations(Destinations, "destinations", errors, ConfigLimits.MaxSiteDestinations, min: 0);
        if ((Probes?.Count ?? 0) > ConfigLimits.MaxProbesPerSite)
        {
            errors.Add(new("probes", $"At most {ConfigLimits.MaxProbesPerSite} probes."));
        }
        for (var i = 0; i < (Probes?.Count ?? 0); i++)
        {
            if (Probes![i] is { } probe)
            {
                probe.Validate($"probes[{i}]", errors);
            }
            else
            {
                errors.Add(new($"probes[{i}]", "Required."));
            }
        }
        ConfigChecks.Range(DownAfter, 1, ConfigLimits.MaxHysteresis, "downAfter", errors);
        ConfigChecks.Range(UpAfter, 1, ConfigLimits.MaxHysteresis, "upAfter", errors);
        if (FailoverPlan is not null)
        {
            if (!ConfigChecks.IsPlanId(FailoverPlan))
            {
                errors.Add(new("failoverPlan", "Plan ids are a-z, 0-9 and '-', at most 40 characters."));
            }
            else if (account is not null && !account.Plans.ContainsKey(FailoverPlan))
            {
                errors.Add(new("failoverPlan", $"Plan '{FailoverPlan}' does not exist."));
            }
        }
        return errors;
    }
}
