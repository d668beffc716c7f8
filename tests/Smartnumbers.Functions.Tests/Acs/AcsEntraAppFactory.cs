using Smartnumbers.Functions.Acs.Security;

namespace Smartnumbers.Functions.Tests.Acs;

/// <summary>The ACS app with Event Grid deliveries authenticated by Entra tokens and the secret (mode "both").</summary>
public sealed class AcsEntraAppFactory : AcsAppFactory
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string Audience = "api://smartnumbers-webhook";

    public static string Issuer => $"https://login.microsoftonline.com/{TenantId}/v2.0";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Settings["Acs:EventGridAuth"] = "both";
        Settings["Acs:EventGridTenantId"] = TenantId;
        Settings["Acs:EventGridAudience"] = Audience;
        Settings["Acs:EventGridJwksUri"] = new Uri(Acs.BaseUri, "calling/keys").AbsoluteUri;
    }

    /// <summary>A token as Event Grid gets it for our webhook app.</summary>
    public string EventGridToken(string appId = EventGridDeliveryAuthenticator.EventGridAppId, string role = EventGridDeliveryAuthenticator.SubscriberRole, bool forged = false) =>
        Keys.Token(Issuer, Audience, TimeProvider.System.GetUtcNow().AddMinutes(5), forged, new Dictionary<string, object> { ["appid"] = appId, ["roles"] = new[] { role } });
}
