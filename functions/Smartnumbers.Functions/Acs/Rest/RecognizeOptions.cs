namespace Smartnumbers.Functions.Acs.Rest;

public sealed record RecognizeOptions(CommunicationIdentifierModel TargetParticipant)
{
    public bool? InterruptPrompt { get; init; }
    public int? InitialSilenceTimeoutInSeconds { get; init; }
    public DtmfOptions? DtmfOptions { get; init; }
}
