using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Smartnumbers.Core.Notifications;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Events;
using Smartnumbers.Functions.Notifications;
using Smartnumbers.Functions.Storage;
using Smartnumbers.Functions.Tests.Accounts;
using Smartnumbers.Functions.Tests.Acs;

namespace Smartnumbers.Functions.Tests.Notifications;

/// <summary>
/// One test's account with notification settings, and a deliverer of its own on a fake clock (so retry delays are
/// advanced, not waited for). The app's background deliverer may run too; claims keep them from sending twice.
/// </summary>
internal sealed class NotificationScenario
{
    private NotificationScenario(NotificationAppFactory factory, string account, string number, NotificationDeliverer deliverer, FakeTimeProvider clock)
    {
        Factory = factory;
        Account = account;
        Number = number;
        Deliverer = deliverer;
        Clock = clock;
    }

    public NotificationAppFactory Factory { get; }

    public string Account { get; }

    public string Number { get; }

    public NotificationDeliverer Deliverer { get; }

    public FakeTimeProvider Clock { get; }

    public string Recipient => $"ops-{Account}@example.com";

    public string WebhookSecret => "whsec-" + Account;

    public static async Task<NotificationScenario> CreateAsync(NotificationAppFactory factory, Func<NotificationScenario, NotificationSettings>? settings = null)
    {
        var (account, number) = await TestAccounts.CreateAsync(await TestAccounts.DocumentsAsync(factory));
        return await ForAsync(factory, account, number, settings);
    }

    /// <summary>Notification settings (<paramref name="settings"/>, default <see cref="EmailAndWebhook"/>) for an account that exists already.</summary>
    public static async Task<NotificationScenario> ForAsync(NotificationAppFactory factory, string account, string number, Func<NotificationScenario, NotificationSettings>? settings = null)
    {
        var documents = await TestAccounts.DocumentsAsync(factory);
        var clock = new FakeTimeProvider(factory.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var deliverer = ActivatorUtilities.CreateInstance<NotificationDeliverer>(factory.Services, clock, factory.Services.GetServices<OutboxTable>());
        var scenario = new NotificationScenario(factory, account, number, deliverer, clock);
        var document = settings?.Invoke(scenario) ?? scenario.EmailAndWebhook();
        Assert.Equal(WriteOutcome.Done, (await documents.PutAsync(account, ConfigRows.Notifications, document, ConfigJsonContext.Web.NotificationSettings, null, TestAccounts.Actor, "notifications", default)).Outcome);
        return scenario;
    }

    public NotificationSettings EmailAndWebhook(string format = WebhookFormats.Json) => new()
    {
        Email = [new NotificationSettings.EmailRecipient { Address = Recipient }],
        Webhook = new NotificationSettings.WebhookTarget { Url = Factory.WebhookUrl(Account), Secret = WebhookSecret, Format = format },
    };

    public IReadOnlyList<RecordedRequest> Emails => Factory.Acs.RequestsWhere(r => r.Path == "/emails:send" && r.BodyText.Contains(Recipient, StringComparison.Ordinal));

    public IReadOnlyList<RecordedRequest> Hooks => Factory.Acs.RequestsWhere(r => r.Path == "/hooks/" + Account);

    /// <summary>What the X-Smartnumbers-Signature of <paramref name="hook"/> must be: "sha256=" + hex HMAC-SHA256 of its body with <see cref="WebhookSecret"/>.</summary>
    public string ExpectedSignature(RecordedRequest hook) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookSecret), hook.Body));

    /// <summary>Runs delivery passes until every entry of the account is done (or fails the test).</summary>
    public async Task<List<TableEntity>> DeliverUntilDoneAsync(TimeSpan? stepBetweenPasses = null)
    {
        for (var pass = 0; pass < 40; pass++)
        {
            await Deliverer.DeliverPendingAsync(default);
            var rows = await RowsAsync();
            if (rows.Count > 0 && rows.All(NotificationRow.IsDone))
            {
                return rows;
            }

            Clock.Advance(stepBetweenPasses ?? TimeSpan.FromSeconds(1));
            await Task.Delay(25);
        }

        throw new TimeoutException("notifications not done: " + string.Join("; ", (await RowsAsync()).Select(r => string.Join(",", r.Select(p => $"{p.Key}={p.Value}")))));
    }

    /// <summary>The account's notification entries in every outbox table (the default one, and beside the routing and health events).</summary>
    public async Task<List<TableEntity>> RowsAsync()
    {
        var store = Factory.Services.GetRequiredService<TableStore>();
        var rows = new List<TableEntity>();
        foreach (var name in Factory.Services.GetServices<OutboxTable>().Select(t => t.Name).Distinct(StringComparer.Ordinal))
        {
            await foreach (var row in store.Table(name).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Account}") + " and " + NotificationRow.Filter))
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
