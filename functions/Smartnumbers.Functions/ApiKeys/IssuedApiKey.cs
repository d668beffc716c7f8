namespace Smartnumbers.Functions.ApiKeys;

/// <summary>POST …/keys answer: the key in clear, shown this once.</summary>
public sealed record IssuedApiKey(string Id, string Key, string Name, ApiKeyRole Role);
