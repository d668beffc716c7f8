namespace Smartnumbers.Functions.Acs.Rest;

/// <summary><c>{"error":{"code","message",…}}</c>.</summary>
public sealed record AcsErrorResponse(AcsErrorResponse.ErrorDetail? Error)
{
    public sealed record ErrorDetail(string? Code, string? Message);
}
