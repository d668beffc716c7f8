using System.Globalization;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Accounts;
using Route = Smartnumbers.Core.Configuration.Route;

namespace Smartnumbers.Functions.Admin;

/// <summary>Shape and limit checks of every §8 document (E.164 via libphonenumber).</summary>
internal sealed class BasicDocumentValidator(TimeProvider time) : IDocumentValidator
{
    public const int MaxSteps = 10;
    public const int MaxDestinations = 10;
    public const int MaxAnnouncement = 1000;
    public const int MaxPlanEntries = 1000;

    public IReadOnlyList<FieldError> Validate(AccountSettings account)
    {
        var e = new FieldErrors();
        e.Text(account.Name, "name", 1, 100);
        e.Require(E164.IsRegion(account.HomeRegion), "homeRegion", "is not an ISO 3166 region known to the numbering plan.");
        e.TimeZone(account.TimeZone, "timeZone");
        e.Text(account.Announcements.Acr, "announcements.acr", 0, MaxAnnouncement);
        e.Text(account.Announcements.Icr, "announcements.icr", 0, MaxAnnouncement);
        e.Text(account.Announcements.Blocked, "announcements.blocked", 0, MaxAnnouncement);
        e.Text(account.Announcements.Closed, "announcements.closed", 0, MaxAnnouncement);
        return e.Errors;
    }

    public IReadOnlyList<FieldError> Validate(NumberConfig number)
    {
        var e = new FieldErrors();
        e.Text(number.Label, "label", 0, 100);
        Route(e, number.Route, "route", 0);
        e.TimeZone(number.TimeZone, "timeZone");
        if (number.Fraud is { } fraud)
        {
            e.Range(fraud.Threshold, "fraud.threshold", 0, 100);
            e.Range(fraud.MaxDivertsPerHour, "fraud.maxDivertsPerHour", 0, 10_000);
            e.Require(!fraud.Enabled || fraud.HighRiskRoute is not null, "fraud.highRiskRoute", "is required when fraud.enabled is true.");
            if (fraud.HighRiskRoute is { } high)
            {
                Route(e, high, "fraud.highRiskRoute", 0);
            }

            if (fraud.TrustedRoute is { } trusted)
            {
                Route(e, trusted, "fraud.trustedRoute", 0);
            }
        }

        return e.Errors;
    }

    public IReadOnlyList<FieldError> Validate(DialPlan plan)
    {
        var e = new FieldErrors();
        e.Text(plan.Name, "name", 1, 100);
        e.Require(plan.Entries.Count <= MaxPlanEntries, "entries", $"must have at most {MaxPlanEntries} entries.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Entries.Count; i++)
        {
            var entry = plan.Entries[i];
            var at = $"entries[{i}]";
            e.Require(E164.IsValid(entry.Number), at + ".number", "must be an E.164 number such as +441134960001.");
            e.Require(seen.Add(entry.Number), at + ".number", "is listed twice.");
            Route(e, entry.Route, at + ".route", 0);
        }

        if (plan.DefaultRoute is { } fallback)
        {
            Route(e, fallback, "defaultRoute", 0);
        }

        return e.Errors;
    }

    public IReadOnlyList<FieldError> Validate(PersonalOverride personalOverride)
    {
        var e = new FieldErrors();
        Destinations(e, personalOverride.Destinations, "destinations");
        e.Range(personalOverride.RingSeconds, "ringSeconds", 5, 600);
        e.Require(personalOverride.ExpiresAt is null || personalOverride.ExpiresAt > time.GetUtcNow(), "expiresAt", "must be in the future.");
        e.Text(personalOverride.SetBy, "setBy", 0, 40);
        return e.Errors;
    }

    public IReadOnlyList<FieldError> Validate(Site site)
    {
        var e = new FieldErrors();
        e.Text(site.Name, "name", 1, 100);
        e.Require(site.Destinations.Count <= 100, "destinations", "must have at most 100 entries.");
        for (var i = 0; i < site.Destinations.Count; i++)
        {
            e.Require(E164.IsDestination(site.Destinations[i]), $"destinations[{i}]", "must be an E.164 number or a sip: URI.");
        }

        e.Require(site.Probes.Count <= 10, "probes", "must have at most 10 probes.");
        for (var i = 0; i < site.Probes.Count; i++)
        {
            var probe = site.Probes[i];
            var at = $"probes[{i}]";
            e.Require(ProbeTargetIsValid(probe), at + ".target", probe.Kind switch
            {
                ProbeKind.SipOptions => "must be a sip: URI such as sip:sbc.example:5060;transport=udp.",
                ProbeKind.Http => "must be an absolute http(s) URL.",
                _ => "must be host:port.",
            });
            e.Range(probe.TimeoutMs, at + ".timeoutMs", 100, 10_000);
            e.Require(probe.HealthyCodes?.Contains(408) != true, at + ".healthyCodes", "408 is never healthy.");
        }

        e.Range(site.DownAfter, "downAfter", 1, 10);
        e.Range(site.UpAfter, "upAfter", 1, 10);
        e.Require(site.FailoverPlan is null || AccountIds.IsValid(site.FailoverPlan), "failoverPlan", "must be a plan id (a-z, 0-9, '-', at most 40).");
        return e.Errors;
    }

    public IReadOnlyList<FieldError> Validate(StaffRequest staff)
    {
        var e = new FieldErrors();
        e.Text(staff.Name, "name", 1, 100);
        e.Require(staff.Pin is null || (staff.Pin.Length is >= 4 and <= 12 && staff.Pin.All(char.IsAsciiDigit)), "pin", "must be 4–12 digits.");
        for (var i = 0; i < staff.Numbers.Count; i++)
        {
            e.Require(E164.IsValid(staff.Numbers[i]), $"numbers[{i}]", "must be an E.164 number.");
        }

        return e.Errors;
    }

    private static void Route(FieldErrors e, Route route, string at, int depth)
    {
        e.Require(route.Steps.Count is >= 1 and <= MaxSteps, at + ".steps", $"must have 1–{MaxSteps} steps.");
        for (var i = 0; i < route.Steps.Count; i++)
        {
            var step = route.Steps[i];
            Destinations(e, step.Destinations, $"{at}.steps[{i}].destinations");
            e.Range(step.RingSeconds, $"{at}.steps[{i}].ringSeconds", 5, 600);
        }

        e.Text(route.Announcement, at + ".announcement", 0, MaxAnnouncement);
        var rules = route.Rules ?? [];
        e.Require(rules.Count <= 10, at + ".rules", "must have at most 10 rules.");
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var r = $"{at}.rules[{i}]";
            e.Require(rule.Days.Count > 0 && rule.Days.All(d => d is >= 1 and <= 7), r + ".days", "must list days 1 (Monday) to 7 (Sunday).");
            e.Require(IsClock(rule.From), r + ".from", "must be HH:mm.");
            e.Require(IsClock(rule.To), r + ".to", "must be HH:mm.");
            e.TimeZone(rule.TimeZone, r + ".timeZone");
            if (rule.Otherwise is { } otherwise)
            {
                e.Require(depth < 2, r + ".otherwise", "is nested too deeply (at most 2 levels).");
                if (depth < 2)
                {
                    Route(e, otherwise, r + ".otherwise", depth + 1);
                }
            }
        }
    }

    private static void Destinations(FieldErrors e, IReadOnlyList<string> destinations, string at)
    {
        e.Require(destinations.Count is >= 1 and <= MaxDestinations, at, $"must have 1–{MaxDestinations} destinations.");
        for (var i = 0; i < destinations.Count; i++)
        {
            e.Require(E164.IsDestination(destinations[i]), $"{at}[{i}]", "must be an E.164 number such as +441134960000 or a sip: URI.");
        }
    }

    private static bool IsClock(string value) =>
        TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool ProbeTargetIsValid(Probe probe) => probe.Kind switch
    {
        ProbeKind.SipOptions => probe.Target.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) && probe.Target.Length is > 4 and <= 256,
        ProbeKind.Http => Uri.TryCreate(probe.Target, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps),
        _ => probe.Target.LastIndexOf(':') is > 0 and var colon && int.TryParse(probe.Target[(colon + 1)..], CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535,
    };
}
