namespace Smartnumbers.Functions.Events;

/// <summary>A table that may hold outbox rows; the publisher scans every registered one.</summary>
public sealed record OutboxTable(string Name)
{
    /// <summary>The outbox table <see cref="IEventOutbox.EnqueueAsync"/> writes to.</summary>
    public const string Default = "EventOutbox";
}
