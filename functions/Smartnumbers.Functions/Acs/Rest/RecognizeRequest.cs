namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>POST /calling/callConnections/{id}:recognize; input type dtmf|speech|speechOrDtmf|choices.</summary>
public sealed record RecognizeRequest(string RecognizeInputType, RecognizeOptions RecognizeOptions)
{
    public PlaySource? PlayPrompt { get; init; }
    public bool? InterruptCallMediaOperation { get; init; }
    public string? OperationContext { get; init; }
    public string? OperationCallbackUri { get; init; }
}
