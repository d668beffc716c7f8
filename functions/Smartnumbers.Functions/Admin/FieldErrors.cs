namespace Smartnumbers.Functions.Admin;

/// <summary>Collects <see cref="FieldError"/>s with small checks named after what they test.</summary>
internal sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    public void Add(string field, string message) => _errors.Add(new FieldError(field, message));

    public void Require(bool ok, string field, string message)
    {
        if (!ok)
        {
            Add(field, message);
        }
    }

    public void Text(string? value, string field, int min, int max)
    {
        if ((value?.Length ?? 0) < min)
        {
            Add(field, min == 1 ? "is required." : $"must have at least {min} characters.");
        }
        else if (value is not null && value.Length > max)
        {
            Add(field, $"must have at most {max} characters.");
        }
    }

    public void Range(int value, string field, int min, int max) =>
        Require(value >= min && value <= max, field, $"must be {min}–{max}.");

    public void TimeZone(string? zone, string field) =>
        Require(zone is null || TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _), field, "is not a known IANA time zone.");
}
