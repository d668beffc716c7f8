using Smartnumbers.Functions.ApiKeys;

namespace Smartnumbers.Functions.Admin;

/// <summary>Endpoint metadata: the least role that may call it. Without it, GET needs viewer and anything else admin.</summary>
internal sealed record RequiredRole(ApiKeyRole Role);
