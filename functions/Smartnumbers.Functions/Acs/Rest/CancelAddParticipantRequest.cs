namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>POST /calling/callConnections/{id}/participants:cancelAddParticipant.</summary>
public sealed record CancelAddParticipantRequest(string InvitationId)
{
    public string? OperationContext { get; init; }
    public string? OperationCallbackUri { get; init; }
}
