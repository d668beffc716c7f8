using Microsoft.Extensions.Options;
using Smartnumbers.Core.Notifications;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Hosting;

namespace Smartnumbers.Functions.Notifications;

/// <summary>
/// Hourly: for every account whose notifications someone gets the digest of, builds the latest completed period's
/// blocked-calls digest (account time zone) from the call records and enqueues it once (the id names the period).
/// An empty period is skipped unless the account asked for "send even when empty". Schedule in SendDigests/function.json.
/// </summary>
internal sealed class SendDigestsTimer(ConfigDocuments documents, CallRecordStore records, INotificationOutbox outbox, IOptions<NotificationOptions> options, TimeProvider time) : ITimerFunction
{
    public string Name => "SendDigests";

    public async Task<IReadOnlyList<string>> RunAsync(TimerRun run, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        foreach (var (account, settings) in await documents.AcrossAccountsAsync(ConfigRows.Notifications, ConfigJsonContext.Web.NotificationSettings, cancellationToken))
        {
            if (settings.EmailRecipientsOf(NotificationKinds.BlockedCallsDigest).Count == 0 && !settings.WebhookGets(NotificationKinds.BlockedCallsDigest))
            {
                continue;
            }

            var accountSettings = (await documents.GetAsync(account, ConfigRows.Account, ConfigJsonContext.Web.AccountSettings, cancellationToken))?.Document;
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(accountSettings?.TimeZone ?? "UTC", out var found) ? found : TimeZoneInfo.Utc;
            if (DigestPeriod.Latest(settings.Digest, zone, time.GetUtcNow()) is not { } period)
            {
                continue;
            }

            var calls = new List<BlockedCallsDigest.BlockedCall>();
            await foreach (var record in records.ListAsync(account, period.From, period.To, cancellationToken))
            {
                if (record.StartedAt >= period.From && record.StartedAt < period.To && record.Decision?.Reason is { } reason)
                {
                    calls.Add(new(reason, record.CalledNumber, record.Withheld ? null : record.PresentationNumber ?? record.NetworkNumber));
                }
            }

            var digest = BlockedCallsDigest.Build(period.From, period.To, calls);
            if (digest.Total == 0 && !settings.Digest.SendWhenEmpty)
            {
                lines.Add($"{account}: nothing blocked {period.From:O}–{period.To:O}");
                continue;
            }

            await outbox.EnqueueAsync([DigestNotification.For(account, accountSettings?.Name ?? account, digest, options.Value.ConsoleBaseUrl)], cancellationToken);
            lines.Add($"{account}: digest of {digest.Total} blocked calls {period.From:O}–{period.To:O}");
        }

        return lines;
    }
}
