namespace Smartnumbers.Functions.CallRecords;

/// <summary>Call events not yet in Table Storage on this instance, as reported by GET /api/health.</summary>
/// <param name="Queued">Accepted into memory (waiting, or being written or retried) and not yet written.</param>
/// <param name="OnDisk">In spill files, waiting to be replayed (including files a stopped instance left).</param>
/// <param name="DeadLettered">Refused by storage outright (400): kept in dead-letter files for an operator.</param>
public sealed record CallRecordBacklog(int Queued, long OnDisk, long DeadLettered);
