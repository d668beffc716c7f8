namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>POST /calling/callConnections/{id}/participants:add; a PSTN target needs <see cref="SourceCallerIdNumber"/>.</summary>
public sealed record AddParticipantRequest(CommunicationIdentifierModel ParticipantToAdd)
{
    public PhoneNumberIdentifierModel? SourceCallerIdNumber { get; init; }
    public string? SourceDisplayName { get; init; }
    /// <summary>At most 180.</summary>
    public int? InvitationTimeoutInSeconds { get; init; }
    public string? OperationContext { get; init; }
    public string? OperationCallbackUri { get; init; }
    public CustomCallingContext? CustomCallingContext { get; init; }
}
