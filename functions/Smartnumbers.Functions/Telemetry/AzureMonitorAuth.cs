using Azure.Core;
using Azure.Identity;

namespace Smartnumbers.Functions.Telemetry;

/// <summary>
/// How the app authenticates to Application Insights, from APPLICATIONINSIGHTS_AUTHENTICATION_STRING (the setting the
/// Functions host reads too): <c>Authorization=AAD</c> → the system-assigned managed identity,
/// <c>Authorization=AAD;ClientId=&lt;id&gt;</c> → that user-assigned identity; anything else → null (the connection
/// string's key, which Application Insights refuses once local auth is disabled).
/// </summary>
internal static class AzureMonitorAuth
{
    public static TokenCredential? Credential(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        string? authorization = null, clientId = null;
        foreach (var part in authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var key = part[..eq].Trim();
            var value = part[(eq + 1)..].Trim();
            if (key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                authorization = value;
            }
            else if (key.Equals("ClientId", StringComparison.OrdinalIgnoreCase))
            {
                clientId = value;
            }
        }

        if (!string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new ManagedIdentityCredential(string.IsNullOrEmpty(clientId)
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.FromUserAssignedClientId(clientId));
    }
}
