namespace Smartnumbers.Core.Configuration;

/// <summary>
/// Anonymous Caller Rejection (ACR) and Intelligent Caller Rejection (ICR) settings.
/// On a number, a null member means "use the account default"; on the account, null means <see cref="ScreeningResponse.Off"/>.
/// </summary>
public sealed record ScreeningOptions
{
    public ScreeningResponse? Acr { get; init; }
    public ScreeningResponse? Icr { get; init; }
    /// <summary>What a block-list hit does; null means busy.</summary>
    public ScreeningResponse? Blocked { get; init; }

    internal void Validate(string field, List<FieldError> errors)
    {
        Check(Acr, $"{field}.acr", errors);
        Check(Icr, $"{field}.icr", errors);
        Check(Blocked, $"{field}.blocked", errors);
    }

    private static void Check(ScreeningResponse? value, string field, List<FieldError> errors)
    {
        if (value is { } v && !Enum.IsDefined(v))
        {
            errors.Add(new(field, "One of off, announcement, busy, unallocated."));
        }
    }
}
