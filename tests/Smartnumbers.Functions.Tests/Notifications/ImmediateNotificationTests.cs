using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Notifications;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.DeliveryHealth;
using Smartnumbers.Functions.Notifications;
using Smartnumbers.Functions.Tests.Accounts;
using Smartnumbers.Functions.Tests.DeliveryHealth;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Tests.Ivr;

namespace Smartnumbers.Functions.Tests.Notifications;

/// <summary>
/// The immediate notifications from their real producers: probe rounds of the health timer taking a site down and up
/// (with failover and failback), and the dial-in line setting an override; each written to the outbox with the change
/// and delivered to the people (email through the stand-in ACS, webhook) the account chose, and to no one else.
/// </summary>
[Collection(NotificationCollection.Name)]
public sealed class ImmediateNotificationTests(NotificationAppFactory factory)
{
    private static readonly AuditActor ByHand = new("operator", "admin", AuditActor.Api);

    [Fact]
    public async Task A_site_outage_tells_who_asked_of_site_down_failover_site_up_and_failback_and_no_one_else()
    {
        var told = await NotificationScenario.CreateAsync(factory);
        var quiet = await NotificationScenario.CreateAsync(factory, sc => new NotificationSettings
        {
            Email = [new NotificationSettings.EmailRecipient { Address = sc.Recipient, Notifications = [NotificationKinds.BlockedCallsDigest] }],
            Webhook = new NotificationSettings.WebhookTarget { Url = factory.WebhookUrl(sc.Account), Notifications = [NotificationKinds.DivertCapReached] },
        });
        await using var pbx = new LocalHttpEndpoint(FreePort.Next(), _ => Task.CompletedTask);
        await pbx.StartAsync();
        var sites = new[] { await LeedsAsync(told, pbx), await LeedsAsync(quiet, pbx) };

        await RoundsAsync(sites, 2);
        await pbx.StopAsync();
        await RoundsAsync(sites, 2); // down: the failover plan is activated
        await pbx.StartAsync();
        await RoundsAsync(sites, 2); // up: the plan active before the outage is restored

        Assert.Equal("weekend", (await factory.Services.GetRequiredService<IRoutingControl>().GetPlanStateAsync(told.Account)).State.ActivePlanId);
        var rows = await told.DeliverUntilDoneAsync();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.False(NotificationRow.HasFailed(r)));
        Assert.Equal(
            ["Failback: plan weekend restored", "Failover: plan leeds-closed activated", "Site Leeds is back up", "Site Leeds is down"],
            told.Emails.Select(e => e.Json!["content"]!["subject"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(told.Emails, e => Assert.Equal(told.Recipient, e.Json!["recipients"]!["to"]![0]!["address"]!.GetValue<string>()));
        Assert.Equal(
            [NotificationKinds.Failback, NotificationKinds.Failover, NotificationKinds.SiteDown, NotificationKinds.SiteUp],
            told.Hooks.Select(h => h.Json!["kind"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(told.Hooks, h => Assert.Equal(told.ExpectedSignature(h), h.Header(WebhookSender.SignatureHeader)));

        var quietRows = await quiet.DeliverUntilDoneAsync();
        Assert.Equal(4, quietRows.Count);
        Assert.Empty(quiet.Emails);
        Assert.Empty(quiet.Hooks);
    }

    [Fact]
    public async Task An_override_set_through_the_dial_in_line_is_told_once_and_one_set_through_the_api_not_at_all()
    {
        var seed = await new IvrAccountSeed(factory.Services).CreateAsync();
        var s = await NotificationScenario.ForAsync(factory, seed.AccountId, seed.StaffNumber);
        var call = new TwilioIvrCall(factory.CreateClient(), seed.ControlLine, from: "+447700900321");
        await call.SignIn(IvrAccountSeed.StaffId, "111111");
        await call.Press("8");

        Assert.StartsWith("Calls to your number now ring the phone you are calling from", await call.Press("3"), StringComparison.Ordinal);
        Assert.StartsWith("Your override is cancelled.", await call.Press("9"), StringComparison.Ordinal);
        var byApi = await factory.Services.GetRequiredService<IRoutingControl>().SetOverrideAsync(seed.AccountId, seed.StaffNumber,
            new PersonalOverride { Destinations = ["+441134960555"] }, ByHand);
        Assert.True(byApi.Succeeded);

        Assert.Single(await s.DeliverUntilDoneAsync());
        var email = Assert.Single(s.Emails);
        Assert.Equal($"Override set on {seed.StaffNumber} by the dial-in line", email.Json!["content"]!["subject"]!.GetValue<string>());
        Assert.Equal($"{IvrAccountSeed.StaffId} diverted {seed.StaffNumber} to +447700900321.", email.Json!["content"]!["plainText"]!.GetValue<string>());
        var hook = Assert.Single(s.Hooks);
        Assert.Equal(NotificationKinds.OverrideSetByIvr, hook.Json!["kind"]!.GetValue<string>());
        Assert.Equal("+447700900321", hook.Json!["data"]!["destinations"]![0]!.GetValue<string>());
        Assert.Equal(s.ExpectedSignature(hook), hook.Header(WebhookSender.SignatureHeader));
    }

    /// <summary>The scenario's number normally rings Leeds, probed over HTTP at <paramref name="pbx"/>; plan "weekend" active, "leeds-closed" its failover.</summary>
    private async Task<SiteToProbe> LeedsAsync(NotificationScenario s, LocalHttpEndpoint pbx)
    {
        var documents = await TestAccounts.DocumentsAsync(factory);
        await HealthTestData.PutPlanAsync(documents, s.Account, "leeds-closed", s.Number, "+442079460000");
        await HealthTestData.PutPlanAsync(documents, s.Account, "weekend", s.Number, "+441134960999");
        var routing = factory.Services.GetRequiredService<IRoutingControl>();
        Assert.True((await routing.LoadPlanAsync(s.Account, "weekend", null, ByHand)).Succeeded);
        Assert.True((await routing.ActivatePlanAsync(s.Account, "weekend", ByHand)).Succeeded);
        return await HealthTestData.PutSiteAsync(documents, s.Account, "leeds", HealthTestData.Leeds(pbx));
    }

    private async Task RoundsAsync(IReadOnlyList<SiteToProbe> sites, int n)
    {
        var round = factory.Services.GetRequiredService<SiteHealthRound>();
        for (var i = 0; i < n; i++)
        {
            foreach (var site in sites)
            {
                await round.RunAsync(site, default);
            }
        }
    }
}
