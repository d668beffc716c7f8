using Smartnumbers.Core.Numbers;
using Smartnumbers.Core.Risk;
using Smartnumbers.Core.Routing;

namespace Smartnumbers.Core.Configuration;

/// <summary>Field checks shared by the documents' Validate methods.</summary>
internal static class ConfigChecks
{
    public static void Required(string? value, string field, List<FieldError> errors, int maxLength = ConfigLimits.MaxNameLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, "Required."));
        }
        else
        {
            MaxLength(value, field, errors, maxLength);
        }
    }

    public static void MaxLength(string? value, string field, List<FieldError> errors, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            errors.Add(new(field, $"At most {maxLength} characters."));
        }
    }

    public static void Range(int value, int min, int max, string field, List<FieldError> errors)
    {
        if (value < min || value > max)
        {
            errors.Add(new(field, $"Must be between {min} and {max}."));
        }
    }

    /// <summary>
    /// A phone number in E.164 that libphonenumber finds valid. Ofcom drama-range numbers (reserved for fiction and
    /// testing, e.g. +447700900123) are accepted too: they are well-formed and safe to configure.
    /// </summary>
    public static bool IsE164(string? value)
    {
        if (PhoneNumberParser.IsValidE164(value))
        {
            return true;
        }
        var parsed = PhoneNumberParser.Parse(value, "ZZ");
        return parsed.Parsed && parsed.E164 == value && parsed.IsUk && parsed.National is { Length: 10 }
               && CallDnaExtractor.IsDramaRange(parsed.National);
    }

    public static void E164(string? value, string field, List<FieldError> errors)
    {
        if (!IsE164(value))
        {
            errors.Add(new(field, "Must be a valid E.164 number, e.g. +441134960000."));
        }
    }

    /// <summary>E.164 or a sip:/sips: URI with a user and a host.</summary>
    public static void Destination(string? value, string field, List<FieldError> errors)
    {
        if (value is not null && (value.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("sips:", StringComparison.OrdinalIgnoreCase)))
        {
            var rest = value[(value.IndexOf(':') + 1)..];
            var at = rest.IndexOf('@');
            if (at <= 0 || at == rest.Length - 1 || rest.Any(char.IsWhiteSpace))
            {
                errors.Add(new(field, "A SIP destination must look like sip:user@host."));
            }
            return;
        }
        if (!IsE164(value))
        {
            errors.Add(new(field, "Must be a valid E.164 number or a sip: URI."));
        }
    }

    public static void TimeZone(string? value, string field, List<FieldError> errors)
    {
        if (value is not null && TimeZones.Find(value) is null)
        {
            errors.Add(new(field, "Unknown IANA time zone (e.g. Europe/London)."));
        }
    }

    /// <summary>Plan ids: a–z, 0–9 and '-', 1–40 characters.</summary>
    public static bool IsPlanId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= ConfigLimits.MaxPlanIdLength
        && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    /// <summary>Staff ids: 3–10 digits.</summary>
    public static bool IsStaffId(string? id) => id is { Length: >= 3 and <= 10 } && id.All(char.IsAsciiDigit);

    public static void Route(Route? route, string field, List<FieldError> errors, int depth = 0)
    {
        if (route is null)
        {
            errors.Add(new(field, "Required."));
            return;
        }
        if (route.Steps is null || route.Steps.Count == 0)
        {
            errors.Add(new($"{field}.steps", "At least one step."));
        }
        else if (route.Steps.Count > ConfigLimits.MaxStepsPerRoute)
        {
            errors.Add(new($"{field}.steps", $"At most {ConfigLimits.MaxStepsPerRoute} steps."));
        }
        for (var i = 0; i < (route.Steps?.Count ?? 0); i++)
        {
            Step(route.Steps![i], $"{field}.steps[{i}]", errors);
        }
        MaxLength(route.Announcement, $"{field}.announcement", errors, ConfigLimits.MaxAnnouncementLength);
        Rules(route.Rules, $"{field}.rules", errors, depth);
    }

    public static void Step(RouteStep? step, string field, List<FieldError> errors)
    {
        if (step is null)
        {
            errors.Add(new(field, "Required."));
            return;
        }
        Destinations(step.Destinations, $"{field}.destinations", errors, ConfigLimits.MaxDestinationsPerStep);
        Range(step.RingSeconds, ConfigLimits.MinRingSeconds, ConfigLimits.MaxRingSeconds, $"{field}.ringSeconds", errors);
    }

    public static void Destinations(IReadOnlyList<string>? destinations, string field, List<FieldError> errors, int max, int min = 1)
    {
        var count = destinations?.Count ?? 0;
        if (count < min || count > max)
        {
            errors.Add(new(field, $"Between {min} and {max} destinations."));
        }
        for (var i = 0; i < count; i++)
        {
            Destination(destinations![i], $"{field}[{i}]", errors);
        }
    }

    private static void Rules(IReadOnlyList<TimeRule>? rules, string field, List<FieldError> errors, int depth)
    {
        if (rules is null)
        {
            return;
        }
        if (rules.Count > ConfigLimits.MaxRulesPerRoute)
        {
            errors.Add(new(field, $"At most {ConfigLimits.MaxRulesPerRoute} rules."));
        }
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var at = $"{field}[{i}]";
            if (rule is null)
            {
                errors.Add(new(at, "Required."));
                continue;
            }
            if (rule.Days is null || rule.Days.Count == 0 || rule.Days.Any(d => d is < 1 or > 7) || rule.Days.Distinct().Count() != rule.Days.Count)
            {
                errors.Add(new($"{at}.days", "One or more distinct days, 1 (Monday) to 7 (Sunday)."));
            }
            var fromOk = TimeRuleEvaluator.TryParseTime(rule.From, out var from);
            var toOk = TimeRuleEvaluator.TryParseTime(rule.To, out var to);
            if (!fromOk)
            {
                errors.Add(new($"{at}.from", "Time as HH:mm (00:00–24:00)."));
            }
            if (!toOk)
            {
                errors.Add(new($"{at}.to", "Time as HH:mm (00:00–24:00)."));
            }
            if (fromOk && toOk && from == to)
            {
                errors.Add(new($"{at}.to", "Must differ from 'from'."));
            }
            TimeZone(rule.TimeZone, $"{at}.timeZone", errors);
            if (rule.Otherwise is not null)
            {
                if (depth >= ConfigLimits.MaxRuleDepth)
                {
                    errors.Add(new($"{at}.otherwise", $"Otherwise routes nest at most {ConfigLimits.MaxRuleDepth} deep."));
                }
                else
                {
                    Route(rule.Otherwise, $"{at}.otherwise", errors, depth + 1);
                }
            }
        }
    }
}
