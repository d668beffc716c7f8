namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>POST /calling/callConnections/{id}:play; an empty <see cref="PlayTo"/> plays to everyone.</summary>
public sealed record PlayRequest(IReadOnlyList<PlaySource> PlaySources)
{
    public IReadOnlyList<CommunicationIdentifierModel> PlayTo { get; init; } = [];
    public PlayOptions PlayOptions { get; init; } = new(false);
    public string? OperationContext { get; init; }
    public string? OperationCallbackUri { get; init; }
}
