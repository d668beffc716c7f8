namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>The Azure AI resource used for text-to-speech and recognition.</summary>
public sealed record CallIntelligenceOptions(string? CognitiveServicesEndpoint);
