namespace Smartnumbers.Functions.Acs.Security;

/// <summary>Shared bits of token checking.</summary>
public static class AcsJwks
{
    /// <summary>The HttpClient that fetches signing keys.</summary>
    public const string HttpClientName = "acs-jwks";

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }
}
