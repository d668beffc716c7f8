namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>POST /calling/callConnections:answer.</summary>
public sealed record AnswerCallRequest(string IncomingCallContext, string CallbackUri)
{
    public string? OperationContext { get; init; }
    public CallIntelligenceOptions? CallIntelligenceOptions { get; init; }
}
