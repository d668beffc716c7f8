namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>POST /calling/callConnections/{id}:transferToParticipant (the app leaves the call on success).</summary>
public sealed record TransferToParticipantRequest(CommunicationIdentifierModel TargetParticipant)
{
    public CommunicationIdentifierModel? Transferee { get; init; }
    public string? OperationContext { get; init; }
    public string? OperationCallbackUri { get; init; }
    public CustomCallingContext? CustomCallingContext { get; init; }
    public PhoneNumberIdentifierModel? SourceCallerIdNumber { get; init; }
}
