using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Functions.Notifications;
using Smartnumbers.Functions.Tests.Acs;

namespace Smartnumbers.Functions.Tests.Notifications;

/// <summary>
/// The ACS app with email on (a sender address) and the webhook client trusting the stand-in ACS, which also plays the
/// webhook receiver; its clock can be shifted (<see cref="Clock"/>).
/// </summary>
public sealed class NotificationAppFactory : AcsAppFactory
{
    public const string Sender = "DoNotReply@0f1e2d3c.azurecomm.net";

    /// <summary>The app's public base URL, which the digest's call-log link starts with.</summary>
    public const string ConsoleBaseUrl = "https://smartnumbers.example.test/";

    /// <summary>The app's clock: real time, unless a test shifts it (and shifts it back).</summary>
    public ShiftedClock Clock { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Settings["Notifications:SenderAddress"] = Sender;
        Settings["Notifications:MaxAttempts"] = "3";
        Settings["Notifications:RetryDelaySeconds"] = "10";
        Settings["Notifications:ConsoleBaseUrl"] = ConsoleBaseUrl;
        ConfigureTestServices.Add(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            s.AddHttpClient(AcsEmailClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(Acs.CreateTrustingHandler);
            s.AddHttpClient(WebhookSender.HttpClientName).ConfigurePrimaryHttpMessageHandler(Acs.CreateTrustingHandler);
        });
    }

    /// <summary>The webhook URL for one test (a path of its own on the stand-in).</summary>
    public string WebhookUrl(string account) => new Uri(Acs.BaseUri, "hooks/" + account).AbsoluteUri;
}
