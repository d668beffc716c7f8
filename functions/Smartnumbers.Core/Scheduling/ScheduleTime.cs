using System.Globalization;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Routing;

namespace Smartnumbers.Core.Scheduling;

/// <summary>
/// Reads a schedule time: ISO 8601 with an offset ("2027-03-26T17:00:00+00:00", "…Z"), or a local date and time
/// ("2027-03-26T17:00") in the account's IANA time zone. A local time the clocks skip (spring forward) does not exist and
/// is refused; one they pass twice (fall back) is ambiguous and is refused too, asking for an offset.
/// </summary>
public static class ScheduleTime
{
    private static readonly string[] WithOffset = ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
    private static readonly string[] Local = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    /// <summary>The instant, with the offset given or the zone's offset at that instant; or the field error.</summary>
    public static (DateTimeOffset? At, FieldError? Error) Parse(string? text, string timeZone, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, new(field, "is required."));
        }

        if (DateTimeOffset.TryParseExact(text, WithOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact) && HasOffset(text))
        {
            return (exact, null);
        }

        if (!DateTime.TryParseExact(text, Local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return (null, new(field, "must be ISO 8601: 2027-03-26T17:00:00+00:00, or a local time such as 2027-03-26T17:00 in the account's time zone."));
        }

        if (TimeZones.Find(timeZone) is not { } zone)
        {
            return (null, new(field, $"the account's time zone '{timeZone}' is not known; give an offset."));
        }

        if (zone.IsInvalidTime(local))
        {
            return (null, new(field, $"{text} does not exist in {timeZone} (the clocks go forward); choose another time or give an offset."));
        }

        if (zone.IsAmbiguousTime(local))
        {
            return (null, new(field, $"{text} happens twice in {timeZone} (the clocks go back); give an offset to say which."));
        }

        return (new DateTimeOffset(local, zone.GetUtcOffset(local)), null);
    }

    /// <summary>The instant as the account's local time, with that moment's offset (for answers).</summary>
    public static DateTimeOffset InZone(DateTimeOffset at, string timeZone) =>
        TimeZones.Find(timeZone) is { } zone ? TimeZoneInfo.ConvertTime(at, zone) : at;

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
