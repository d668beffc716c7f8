namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>The answer's reply (members we use).</summary>
public sealed record CallConnectionProperties
{
    public string? CallConnectionId { get; init; }
    public string? ServerCallId { get; init; }
    public string? CorrelationId { get; init; }
    public string? CallConnectionState { get; init; }
}
