using Azure.Data.Tables;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Events;

/// <summary>The outbox in Table Storage (<see cref="OutboxTable.Default"/>), partitioned by account.</summary>
internal sealed class TableEventOutbox(TableStore store, OutboxDispatcher dispatcher, IEnumerable<IOutboxCompanion> companions) : IEventOutbox
{
    public async Task EnqueueAsync(IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken)
    {
        var table = store.Table(OutboxTable.Default);
        foreach (var partition in events.GroupBy(e => e.AccountId, StringComparer.Ordinal))
        {
            // Upsert: writing the same event id twice is harmless (same row, same id on the wire). 50 events leave room
            // for a companion row each within a batch's 100 actions.
            foreach (var chunk in partition.DistinctBy(e => e.Id, StringComparer.Ordinal).Chunk(50))
            {
                await table.SubmitTransactionAsync(EnqueueActions(chunk), cancellationToken);
            }
        }

        Nudge();
    }

    public IReadOnlyList<TableTransactionAction> EnqueueActions(IReadOnlyList<OutboxEvent> events) =>
        events.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, OutboxRow.ToEntity(e)))
            .Concat(events.SelectMany(e => companions.SelectMany(c => c.ActionsFor(e))))
            .ToList();

    public void Nudge()
    {
        dispatcher.Nudge();
        foreach (var companion in companions)
        {
            companion.Nudge();
        }
    }
}
