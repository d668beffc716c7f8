using Azure.Data.Tables;
using Smartnumbers.Functions.Events;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Notifications;

/// <summary>
/// Notifications kept in the outbox tables: enqueued directly (divert cap, digest) into the default outbox table, or
/// alongside the CloudEvents they come from (site health, failover, IVR overrides), in the same batch as the change.
/// </summary>
internal sealed class TableNotificationOutbox(TableStore store, NotificationDispatcher dispatcher) : INotificationOutbox, IOutboxCompanion
{
    public async Task EnqueueAsync(IReadOnlyList<Notification> notifications, CancellationToken cancellationToken)
    {
        var table = store.Table(OutboxTable.Default);
        foreach (var partition in notifications.GroupBy(n => n.AccountId, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.DistinctBy(n => n.Id, StringComparer.Ordinal).Chunk(100))
            {
                await table.SubmitTransactionAsync(chunk.Select(Upsert), cancellationToken);
            }
        }

        dispatcher.Nudge();
    }

    public IEnumerable<TableTransactionAction> ActionsFor(OutboxEvent e) =>
        EventNotices.From(e) is { } notification ? [Upsert(notification)] : [];

    public void Nudge() => dispatcher.Nudge();

    private static TableTransactionAction Upsert(Notification n) => new(TableTransactionActionType.UpsertMerge, NotificationRow.ToEntity(n));
}
