using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Functions.Acs;
using Smartnumbers.Functions.Acs.Calls;
using Smartnumbers.Functions.Acs.Rest;
using Smartnumbers.Functions.Acs.Security;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Acs;

/// <summary>The app with ACS configured against <see cref="FakeAcsServer"/>, our own callback signing keys and a test router.</summary>
public class AcsAppFactory : SmartnumbersAppFactory, IAsyncLifetime
{
    public const string ResourceId = "6d4e5f60-1a2b-4c3d-9e8f-0a1b2c3d4e5f";
    public const string EventGridSecret = "event-grid-secret-new-0123456789";
    public const string OldEventGridSecret = "event-grid-secret-old-0123456789";
    public const string CallerId = "+448001234567";
    public const string CallbackBase = "https://smartnumbers.test";

    public FakeAcsServer Acs { get; private set; } = null!;

    public AcsTestKeys Keys { get; } = new();

    public TestCallRouter Router { get; } = new();

    /// <summary>True: calls are routed by <see cref="Router"/>; false: by the real decision core.</summary>
    protected virtual bool UseTestRouter => true;

    public virtual async Task InitializeAsync()
    {
        Acs = await FakeAcsServer.StartAsync();
        Acs.Jwks = Keys.Jwks;
        Settings["Acs:ConnectionString"] = Acs.ConnectionString;
        Settings["Acs:ResourceId"] = ResourceId;
        Settings["Acs:CallbackBaseUrl"] = CallbackBase;
        Settings["Acs:EventGridSecret"] = OldEventGridSecret + "," + EventGridSecret;
        Settings["Acs:CallerId"] = CallerId;
        Settings["Acs:CallbackJwksUri"] = new Uri(Acs.BaseUri, "calling/keys").AbsoluteUri;
        Settings["Acs:OperationTimeoutSeconds"] = "5";
        Settings["Acs:AttemptTimeoutSeconds"] = "2";
        ConfigureTestServices.Add(s =>
        {
            s.AddHttpClient(CallAutomationClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(Acs.CreateTrustingHandler);
            s.AddHttpClient(AcsJwks.HttpClientName).ConfigurePrimaryHttpMessageHandler(Acs.CreateTrustingHandler);
            if (UseTestRouter)
            {
                s.AddSingleton<IAcsCallRouter>(Router);
            }
        });
    }

    /// <summary>A valid ACS callback token (now + 5 min).</summary>
    public string CallbackToken() => Keys.Token(AcsOptions.DefaultCallbackIssuer, ResourceId, TimeProvider.System.GetUtcNow().AddMinutes(5));

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Acs.DisposeAsync();
        Keys.Dispose();
    }
}
