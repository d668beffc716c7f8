using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Smartnumbers.Core.Notifications;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Events;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Notifications;

/// <summary>
/// Works through the notification outbox: resolves each entry's recipients from the account's <c>notifications</c>
/// document once, then per channel claims (ETag-conditional), sends, and records the outcome. Email counts as delivered
/// when its ACS operation reports Succeeded; a Failed operation or a retryable refusal is sent again after a doubling
/// delay, up to <see cref="NotificationOptions.MaxAttempts"/>, then kept as failed for an operator. Each pass over an
/// entry holds a claim on it (ETag-conditional, lapsing after <see cref="NotificationOptions.ClaimSeconds"/>); a
/// channel found still "sending" by the next holder (its sender stopped mid-send) is marked failed, never sent twice.
/// </summary>
internal sealed partial class NotificationDeliverer(
    TableStore store,
    IEnumerable<OutboxTable> tables,
    ConfigDocuments documents,
    AcsEmailClient email,
    WebhookSender webhook,
    NotificationHealth health,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationDeliverer> log) : IDisposable
{
    public const string Email = "Email";
    public const string Webhook = "Webhook";
    private static readonly TimeSpan KeepDoneFor = TimeSpan.FromDays(2);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>One pass over every outbox table; answers the figures it also gives /api/health.</summary>
    public async Task<NotificationFigures> DeliverPendingAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var (pending, failed, delivered) = (0, 0, 0);
            var settings = new Dictionary<string, NotificationSettings?>(StringComparer.Ordinal);
            foreach (var name in tables.Select(t => t.Name).Distinct(StringComparer.Ordinal))
            {
                var table = store.Table(name);
                foreach (var row in await RowsAsync(table, ct))
                {
                    var entity = row;
                    if (!NotificationRow.IsDone(entity))
                    {
                        if (!settings.TryGetValue(entity.PartitionKey, out var s))
                        {
                            s = settings[entity.PartitionKey] = (await documents.GetAsync(entity.PartitionKey, ConfigRows.Notifications, ConfigJsonContext.Web.NotificationSettings, ct))?.Document;
                        }

                        entity = await DeliverAsync(table, entity, s, ct);
                        delivered += entity is not null && NotificationRow.IsDone(entity) && !NotificationRow.HasFailed(entity) ? 1 : 0;
                    }
                    else if (entity.GetDateTimeOffset("Time") < time.GetUtcNow() - KeepDoneFor)
                    {
                        await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, entity.ETag, ct);
                        continue;
                    }

                    if (entity is null)
                    {
                        pending++;
                        continue;
                    }

                    failed += NotificationRow.HasFailed(entity) ? 1 : 0;
                    pending += NotificationRow.IsDone(entity) ? 0 : 1;
                }
            }

            var figures = new NotificationFigures(pending, failed, options.Value.EmailConfigured);
            health.Update(figures);
            return figures;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Advances one entry; null when another instance holds it (412).</summary>
    private async Task<TableEntity?> DeliverAsync(TableClient table, TableEntity e, NotificationSettings? settings, CancellationToken ct)
    {
        try
        {
            // The claim covers the whole entry, so two deliverers never work on it (or on its two channels) at once.
            var now = time.GetUtcNow();
            if (e.GetDateTimeOffset("ClaimedUntil") > now)
            {
                return null;
            }

            e["ClaimedUntil"] = now.AddSeconds(options.Value.ClaimSeconds);
            e = await SaveAsync(table, e, ct);
            var n = NotificationRow.FromEntity(e);
            if (NotificationRow.State(e, Email) is null)
            {
                var to = settings?.EmailRecipientsOf(n.Kind) ?? [];
                e["EmailTo"] = string.Join(",", to);
                NotificationRow.SetState(e, Email, to.Count == 0 ? ChannelState.None : ChannelState.Pending);
                NotificationRow.SetState(e, Webhook, settings?.WebhookGets(n.Kind) == true ? ChannelState.Pending : ChannelState.None);
                e = await SaveAsync(table, e, ct);
            }

            e = await AdvanceAsync(table, e, Email, () => SendEmailAsync(e, n, ct), ct);
            e = await AdvanceAsync(table, e, Webhook, () => SendWebhookAsync(settings, n, ct), ct);
            if (NotificationRow.State(e, Email) == ChannelState.Accepted)
            {
                e = await PollEmailAsync(table, e, ct);
            }

            e["ClaimedUntil"] = time.GetUtcNow();
            var states = new[] { NotificationRow.State(e, Email), NotificationRow.State(e, Webhook) };
            if (states.All(s => s is ChannelState.Delivered or ChannelState.Failed or ChannelState.None))
            {
                e["Done"] = true;
                e["Failed"] = states.Contains(ChannelState.Failed);
            }

            return await SaveAsync(table, e, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>Pending → sending → outcome; one left "sending" by a stopped sender → failed (never sent twice).</summary>
    private async Task<TableEntity> AdvanceAsync(TableClient table, TableEntity e, string channel, Func<Task<string?>> send, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var state = NotificationRow.State(e, channel);
        if (state == ChannelState.Sending)
        {
            return await FailAsync(table, e, channel, "The outcome of the last send is unknown (the sender stopped); not sent again.", ct);
        }

        if (state != ChannelState.Pending || NotificationRow.NotBefore(e, channel) > now)
        {
            return e;
        }

        var attempts = NotificationRow.Attempts(e, channel) + 1;
        NotificationRow.SetState(e, channel, ChannelState.Sending);
        e[channel + "Attempts"] = attempts;
        e = await SaveAsync(table, e, ct); // recorded before sending: a crash from here on is never followed by a second send

        try
        {
            var operation = await send();
            NotificationRow.SetState(e, channel, operation is null ? ChannelState.Delivered : ChannelState.Accepted);
            e[channel + "Operation"] = operation;
            return await SaveAsync(table, e, ct);
        }
        catch (Exception ex) when (ex is NotificationSendException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            var retryable = ex is not NotificationSendException { Retryable: false };
            return await RetryOrFailAsync(table, e, channel, attempts, retryable, ex.Message, ct);
        }
    }

    private async Task<TableEntity> PollEmailAsync(TableClient table, TableEntity e, CancellationToken ct)
    {
        EmailOperation operation;
        try
        {
            operation = await email.GetOperationAsync(new Uri(e.GetString(Email + "Operation")), ct);
        }
        catch (Exception ex) when (ex is NotificationSendException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            LogPollFailed(log, ex.Message);
            return e;
        }

        if (!operation.Finished)
        {
            return e;
        }

        if (operation.Succeeded)
        {
            NotificationRow.SetState(e, Email, ChannelState.Delivered);
            return await SaveAsync(table, e, ct);
        }

        return await RetryOrFailAsync(table, e, Email, NotificationRow.Attempts(e, Email), true,
            $"ACS Email operation {operation.Status}: {operation.Error?.Code} {operation.Error?.Message}".Trim(), ct);
    }

    private async Task<TableEntity> RetryOrFailAsync(TableClient table, TableEntity e, string channel, int attempts, bool retryable, string error, CancellationToken ct)
    {
        if (!retryable || attempts >= options.Value.MaxAttempts)
        {
            return await FailAsync(table, e, channel, error, ct);
        }

        LogRetry(log, e.PartitionKey, channel, attempts, error);
        NotificationRow.SetState(e, channel, ChannelState.Pending);
        e[channel + "NotBefore"] = time.GetUtcNow().AddSeconds(options.Value.RetryDelaySeconds * Math.Pow(2, attempts - 1));
        e[channel + "Error"] = error;
        return await SaveAsync(table, e, ct);
    }

    private async Task<TableEntity> FailAsync(TableClient table, TableEntity e, string channel, string error, CancellationToken ct)
    {
        LogFailed(log, e.PartitionKey, channel, error);
        NotificationMetrics.Failed.Add(1, new KeyValuePair<string, object?>("channel", channel.ToLowerInvariant()));
        NotificationRow.SetState(e, channel, ChannelState.Failed);
        e[channel + "Error"] = error;
        return await SaveAsync(table, e, ct);
    }

    private async Task<string?> SendEmailAsync(TableEntity e, Notification n, CancellationToken ct)
    {
        if (!options.Value.EmailConfigured)
        {
            throw new NotificationSendException("Notifications:SenderAddress is not set: email cannot be sent", System.Net.HttpStatusCode.ServiceUnavailable);
        }

        var to = e.GetString("EmailTo").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(a => new EmailMessage.EmailAddress(a)).ToList();
        var message = new EmailMessage(options.Value.SenderAddress!, new(n.Title, n.Text), new(to));
        return (await email.SendAsync(message, ct)).AbsoluteUri;
    }

    private async Task<string?> SendWebhookAsync(NotificationSettings? settings, Notification n, CancellationToken ct)
    {
        var target = settings?.Webhook ?? throw new NotificationSendException("The webhook was removed from the settings", System.Net.HttpStatusCode.Gone);
        await webhook.SendAsync(target, n, ct);
        return null;
    }

    private static async Task<TableEntity> SaveAsync(TableClient table, TableEntity e, CancellationToken ct)
    {
        var response = await table.UpdateEntityAsync(e, e.ETag, TableUpdateMode.Replace, ct);
        e.ETag = response.Headers.ETag ?? e.ETag;
        return e;
    }

    private static async Task<List<TableEntity>> RowsAsync(TableClient table, CancellationToken ct)
    {
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(NotificationRow.Filter, cancellationToken: ct))
            {
                rows.Add(row);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The table is not created yet: nothing is pending.
        }

        return rows;
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification for account {Account} by {Channel} failed (attempt {Attempt}), will retry: {Error}")]
    private static partial void LogRetry(ILogger logger, string account, string channel, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification for account {Account} by {Channel} failed; kept for an operator: {Error}")]
    private static partial void LogFailed(ILogger logger, string account, string channel, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling an ACS Email operation failed ({Error}); polled again on the next pass")]
    private static partial void LogPollFailed(ILogger logger, string error);
}
