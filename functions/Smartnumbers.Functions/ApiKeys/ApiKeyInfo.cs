namespace Smartnumbers.Functions.ApiKeys;

/// <summary>A key as listed by GET …/keys (never the key or its hash).</summary>
public sealed record ApiKeyInfo(string Id, string Name, ApiKeyRole Role, DateTimeOffset CreatedAt, bool Revoked, DateTimeOffset? RevokedAt);
