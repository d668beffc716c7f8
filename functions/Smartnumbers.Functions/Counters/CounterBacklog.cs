namespace Smartnumbers.Functions.Counters;

/// <summary>Velocity counter rows not yet in Table Storage on this instance, as reported by GET /api/health.</summary>
/// <param name="Pending">Rows counted in memory that storage has not taken yet (written at the next flush).</param>
/// <param name="OnDisk">Rows in saved files, waiting to be written (by this or the next start on the same storage account).</param>
/// <param name="DeadLettered">Rows storage refused outright (400): kept in dead-letter files for an operator, never retried.</param>
public sealed record CounterBacklog(int Pending, long OnDisk, long DeadLettered)
{
    public static CounterBacklog None { get; } = new(0, 0, 0);
}
