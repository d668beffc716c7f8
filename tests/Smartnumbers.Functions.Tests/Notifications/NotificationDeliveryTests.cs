using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Core.Notifications;
using Smartnumbers.Functions.Events;
using Smartnumbers.Functions.Notifications;
using Smartnumbers.Functions.Tests.Acs;

namespace Smartnumbers.Functions.Tests.Notifications;

[Collection(NotificationCollection.Name)]
public sealed class NotificationDeliveryTests(NotificationAppFactory factory)
{
    [Fact]
    public async Task Site_down_is_emailed_through_acs_signed_and_posted_to_the_webhook_signed()
    {
        var s = await NotificationScenario.CreateAsync(factory);

        await SiteDownAsync(s);
        var rows = await s.DeliverUntilDoneAsync();

        var row = Assert.Single(rows);
        Assert.False(NotificationRow.HasFailed(row));
        var email = Assert.Single(s.Emails);
        Assert.Equal("POST", email.Method);
        Assert.Equal("?api-version=2025-09-01", email.Query);
        AcsSignature.AssertSigned(email, factory.Acs.AccessKey);
        var body = email.Json!;
        Assert.Equal(NotificationAppFactory.Sender, body["senderAddress"]!.GetValue<string>());
        Assert.Equal("Site Leeds office is down", body["content"]!["subject"]!.GetValue<string>());
        Assert.Contains("No answer from +441134960000", body["content"]!["plainText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(s.Recipient, body["recipients"]!["to"]![0]!["address"]!.GetValue<string>());
        // The operation was polled (signed as well) until it reported Succeeded.
        var polls = factory.Acs.RequestsWhere(r => r.Method == "GET" && PolledFor(r, row));
        Assert.NotEmpty(polls);
        Assert.All(polls, poll => AcsSignature.AssertSigned(poll, factory.Acs.AccessKey));

        var hook = Assert.Single(s.Hooks);
        Assert.Equal(s.ExpectedSignature(hook), hook.Header(WebhookSender.SignatureHeader));
        Assert.Equal(NotificationKinds.SiteDown, hook.Json!["kind"]!.GetValue<string>());
        Assert.Equal(s.Account, hook.Json!["account"]!.GetValue<string>());
        Assert.Equal("leeds", hook.Json!["data"]!["site"]!.GetValue<string>());
    }

    [Fact]
    public async Task Each_notification_is_sent_once_however_often_it_is_enqueued_and_delivered()
    {
        var s = await NotificationScenario.CreateAsync(factory);

        await SiteDownAsync(s);
        await s.DeliverUntilDoneAsync();
        await SiteDownAsync(s); // the same event again (a retried write)
        await s.Deliverer.DeliverPendingAsync(default);
        await factory.Services.GetRequiredService<NotificationDeliverer>().DeliverPendingAsync(default);

        Assert.Single(s.Emails);
        Assert.Single(s.Hooks);
    }

    [Fact]
    public async Task A_failed_email_operation_is_sent_again_then_kept_for_an_operator_and_shown_in_health_and_a_metric()
    {
        var s = await NotificationScenario.CreateAsync(factory, sc => new NotificationSettings
        {
            Email = [new NotificationSettings.EmailRecipient { Address = sc.Recipient }],
        });
        factory.Acs.EmailOutcome = r => r.BodyText.Contains(s.Recipient, StringComparison.Ordinal) ? "Failed" : "Succeeded";
        long failedEmails = 0;
        using var metric = new MeterListener();
        metric.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "smartnumbers.notifications.failed")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        metric.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "channel", Value: "email" })
                {
                    Interlocked.Add(ref failedEmails, value);
                }
            }
        });
        metric.Start();

        await SiteDownAsync(s);
        var rows = await s.DeliverUntilDoneAsync(TimeSpan.FromMinutes(1));

        Assert.True(NotificationRow.HasFailed(Assert.Single(rows)));
        Assert.Equal(1, Interlocked.Read(ref failedEmails)); // the metric smartnumbers.notifications.failed, channel email
        Assert.Equal(3, s.Emails.Count); // Notifications:MaxAttempts
        Assert.Contains("Failed", rows[0].GetString("EmailError"), StringComparison.Ordinal);
        var health = JsonNode.Parse(await factory.CreateClient().GetStringAsync(new Uri("/api/health", UriKind.Relative)))!;
        Assert.True(health["notifications"]!["failed"]!.GetValue<int>() >= 1, health.ToJsonString());
    }

    [Theory]
    [InlineData(503, 3)]
    [InlineData(500, 3)]
    [InlineData(429, 3)]
    [InlineData(408, 3)]
    [InlineData(400, 1)]
    [InlineData(404, 1)]
    [InlineData(410, 1)]
    public async Task The_webhook_is_retried_on_5xx_408_and_429_only(int status, int expectedPosts)
    {
        var s = await NotificationScenario.CreateAsync(factory, sc => new NotificationSettings
        {
            Webhook = new NotificationSettings.WebhookTarget { Url = factory.WebhookUrl(sc.Account), Secret = sc.WebhookSecret },
        });
        var path = "/hooks/" + s.Account;
        var previous = factory.Acs.FailWhen;
        factory.Acs.FailWhen = r => r.Path == path ? status : previous?.Invoke(r);

        await SiteDownAsync(s);
        var rows = await s.DeliverUntilDoneAsync(TimeSpan.FromMinutes(1));

        Assert.True(NotificationRow.HasFailed(Assert.Single(rows)));
        Assert.Equal(expectedPosts, s.Hooks.Count);
    }

    [Fact]
    public async Task A_webhook_that_recovers_gets_the_notification_once()
    {
        var s = await NotificationScenario.CreateAsync(factory, sc => new NotificationSettings
        {
            Webhook = new NotificationSettings.WebhookTarget { Url = factory.WebhookUrl(sc.Account), Secret = sc.WebhookSecret, Format = WebhookFormats.Slack },
        });
        var path = "/hooks/" + s.Account;
        var previous = factory.Acs.FailWhen;
        var failures = 1;
        factory.Acs.FailWhen = r => r.Path == path && Interlocked.Decrement(ref failures) >= 0 ? 502 : previous?.Invoke(r);

        await SiteDownAsync(s);
        var rows = await s.DeliverUntilDoneAsync(TimeSpan.FromMinutes(1));

        Assert.False(NotificationRow.HasFailed(Assert.Single(rows)));
        Assert.Equal(2, s.Hooks.Count);
        Assert.Equal("*Site Leeds office is down*", s.Hooks[1].Json!["text"]!.GetValue<string>().Split('\n')[0]);
        Assert.Equal(["text"], s.Hooks[1].Json!.AsObject().Select(p => p.Key)); // Slack's incoming-webhook shape
    }

    [Fact]
    public async Task A_teams_webhook_gets_an_adaptive_card_message_as_teams_workflows_take_it()
    {
        var s = await NotificationScenario.CreateAsync(factory, sc => new NotificationSettings
        {
            Webhook = new NotificationSettings.WebhookTarget { Url = factory.WebhookUrl(sc.Account), Format = WebhookFormats.Teams },
        });

        await SiteDownAsync(s);
        await s.DeliverUntilDoneAsync();

        var message = Assert.Single(s.Hooks).Json!;
        Assert.Equal("message", message["type"]!.GetValue<string>());
        var attachment = Assert.Single(message["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        var card = attachment["content"]!;
        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", card["$schema"]!.GetValue<string>());
        Assert.Equal("1.4", card["version"]!.GetValue<string>());
        var blocks = card["body"]!.AsArray();
        Assert.All(blocks, b => Assert.Equal(("TextBlock", true), (b!["type"]!.GetValue<string>(), b["wrap"]!.GetValue<bool>())));
        Assert.Equal("Site Leeds office is down", blocks[0]!["text"]!.GetValue<string>());
        Assert.Equal("No answer from +441134960000 for 3 probes", blocks[1]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Twenty_calls_over_the_divert_cap_within_an_hour_send_one_email()
    {
        var s = await NotificationScenario.CreateAsync(factory);
        var notices = factory.Services.GetRequiredService<DivertCapNotices>();
        var hour = DateTimeOffset.Parse("2027-03-01T10:00:00Z", CultureInfo.InvariantCulture);

        for (var i = 0; i < 20; i++)
        {
            notices.Reached(s.Account, s.Number, 5, hour.AddMinutes(i * 2));
        }

        await notices.Pending;
        // Another instance marking the same hour writes the same entry.
        var otherInstance = ActivatorUtilities.CreateInstance<DivertCapNotices>(factory.Services);
        otherInstance.Reached(s.Account, s.Number, 5, hour.AddMinutes(59));
        await otherInstance.Pending;
        await s.DeliverUntilDoneAsync();
        notices.Reached(s.Account, s.Number, 5, hour.AddHours(1));
        await notices.Pending;
        await s.DeliverUntilDoneAsync();

        Assert.Equal(2, s.Emails.Count);
        Assert.Contains(s.Number, s.Emails[0].Json!["content"]!["subject"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, s.Hooks.Count);
        Assert.Equal(NotificationKinds.DivertCapReached, s.Hooks[0].Json!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_the_kinds_a_target_asked_for_are_sent_to_it()
    {
        var s = await NotificationScenario.CreateAsync(factory, sc => new NotificationSettings
        {
            Email = [new NotificationSettings.EmailRecipient { Address = sc.Recipient, Notifications = [NotificationKinds.DivertCapReached] }],
            Webhook = new NotificationSettings.WebhookTarget { Url = factory.WebhookUrl(sc.Account), Notifications = [NotificationKinds.SiteDown] },
        });

        await SiteDownAsync(s);
        await s.DeliverUntilDoneAsync();

        Assert.Empty(s.Emails);
        var hook = Assert.Single(s.Hooks);
        Assert.Null(hook.Header(WebhookSender.SignatureHeader)); // no secret set, so unsigned
    }

    private static bool PolledFor(RecordedRequest poll, Azure.Data.Tables.TableEntity row) =>
        row.GetString("EmailOperation") is { } op && new Uri(op).AbsolutePath == poll.Path;

    private Task SiteDownAsync(NotificationScenario s)
    {
        var data = new JsonObject
        {
            ["site"] = "leeds",
            ["name"] = "Leeds office",
            ["status"] = "down",
            ["detail"] = "No answer from +441134960000 for 3 probes",
            ["destinations"] = new JsonArray("+441134960000"),
        };
        var e = new OutboxEvent($"site-down:{s.Account}:leeds:1", SmartnumbersEventTypes.SiteDown, s.Account, $"/accounts/{s.Account}/sites/leeds",
            s.Clock.GetUtcNow(), data.ToJsonString());
        return factory.Services.GetRequiredService<IEventOutbox>().EnqueueAsync([e], default);
    }
}
