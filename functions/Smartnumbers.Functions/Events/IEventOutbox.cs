using Azure.Data.Tables;

namespace Smartnumbers.Functions.Events;

/// <summary>
/// The carrier-neutral outbox every area uses to publish CloudEvents: an event is durable once enqueued, is published
/// to Event Grid soon after (and by the <c>PublishOutbox</c> timer if that fails), at least once, with its stable id.
/// </summary>
public interface IEventOutbox
{
    /// <summary>Writes the events to the outbox table (idempotent per id) and nudges the publisher; returns once durable.</summary>
    Task EnqueueAsync(IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);

    /// <summary>
    /// The table actions that add <paramref name="events"/> to a table registered with <c>AddOutboxTable</c>, for an
    /// area that wants its state change and its events in one partition batch (every event's partition = its account).
    /// Call <see cref="Nudge"/> after the batch commits.
    /// </summary>
    IReadOnlyList<TableTransactionAction> EnqueueActions(IReadOnlyList<OutboxEvent> events);

    /// <summary>Asks the background publisher to publish what is pending now (returns at once).</summary>
    void Nudge();
}
