namespace Smartnumbers.Functions.ApiKeys;

/// <summary>
/// GET …/caller: who the presented key is, so a client (the console) can offer only what the role allows. The API still
/// checks every request. <see cref="Bootstrap"/>: the deployment's bootstrap key, which works on any account.
/// </summary>
public sealed record CallerInfo(string KeyId, ApiKeyRole Role, string Account, bool Bootstrap);
