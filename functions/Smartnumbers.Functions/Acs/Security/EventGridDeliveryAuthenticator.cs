using Microsoft.Extensions.Options;

namespace Smartnumbers.Functions.Acs.Security;

/// <summary>
/// Authenticates a delivery to /api/acs/incoming: the <c>secret</c> query parameter (any configured value, for
/// rotation) and/or an Entra token issued to Event Grid (appid 4962773b-…) for our webhook app, with the
/// AzureEventGridSecureWebhookSubscriber role.
/// </summary>
public sealed class EventGridDeliveryAuthenticator(IOptions<AcsOptions> options, IHttpClientFactory http, TimeProvider time) : IAcsRequestAuthenticator
{
    public const string EventGridAppId = "4962773b-9cdb-44cf-a8bf-237846a00ab7";
    public const string SubscriberRole = "AzureEventGridSecureWebhookSubscriber";
    private readonly Lazy<JwksTokenValidator> _validator = new(() =>
        new JwksTokenValidator(new Uri(options.Value.EffectiveEventGridJwksUri), http.CreateClient(AcsJwks.HttpClientName), time));

    public async Task<bool> IsAuthenticAsync(HttpRequest request, CancellationToken ct)
    {
        var o = options.Value;
        if (o.RequiresSecret && !SecretComparer.MatchesAny(request.Query["secret"].ToString(), o.EventGridSecrets))
        {
            return false;
        }

        if (!o.RequiresEntra)
        {
            return true;
        }

        var token = AcsJwks.BearerToken(request);
        if (token is null)
        {
            return false;
        }

        var tenant = o.EventGridTenantId;
        var result = await _validator.Value.ValidateAsync(
            token,
            [$"https://login.microsoftonline.com/{tenant}/v2.0", $"https://sts.windows.net/{tenant}/"],
            [o.EventGridAudience!],
            ct);
        if (!result.IsValid)
        {
            return false;
        }

        var appId = result.Claims.TryGetValue("appid", out var a) ? a?.ToString() : result.Claims.TryGetValue("azp", out var z) ? z?.ToString() : null;
        return string.Equals(appId, EventGridAppId, StringComparison.OrdinalIgnoreCase) && HasRole(result.Claims);
    }

    private static bool HasRole(IDictionary<string, object> claims) => claims.TryGetValue("roles", out var roles) && roles switch
    {
        string s => s == SubscriberRole,
        IEnumerable<object> list => list.Any(r => r?.ToString() == SubscriberRole),
        _ => false,
    };
}
