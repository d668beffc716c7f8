using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Telemetry;

namespace Smartnumbers.Functions.CallRecords;

/// <summary>
/// Writes a batch of call events to storage through <see cref="StorageRetry"/>: its <see cref="CallStarted"/> events in a
/// few transactions (one per index partition and one per account, <see cref="CallRecordStore.ApplyStartedAsync(IReadOnlyList{CallStarted}, CancellationToken)"/>),
/// then its follow-ups likewise (<see cref="CallRecordStore.ApplyFollowUpsAsync"/>), a lone event one by one. An event storage refuses outright goes to the dead letters (a refused batch is written again one
/// by one so that only the bad event goes there); a call to count is counted. When aborted, what was not written is spilled.
/// </summary>
internal sealed partial class CallEventBatchWriter(CallRecordStore store, StorageRetry retry, CallRecordSpill spill, CounterFlusher? counters, ILogger log)
{
    private enum Attempt { Written, Refused, Aborted }

    /// <summary>Writes <paramref name="batch"/>; false when aborted (what was not written is then in the spill file).</summary>
    public async Task<bool> WriteAsync(IReadOnlyList<CallEvent> batch, CancellationToken abort)
    {
        var started = batch.OfType<CallStarted>().ToList();
        IReadOnlyList<CallEvent> oneByOne = batch;
        if (started.Count > 1)
        {
            switch (await AttemptAsync(started[0].CallId, ct => store.ApplyStartedAsync(started, ct), abort))
            {
                case Attempt.Aborted:
                    spill.Append(batch);
                    return false;
                case Attempt.Written:
                    oneByOne = batch.Where(e => e is not CallStarted).ToList();
                    break;
                case Attempt.Refused:
                    break; // One of them is refused: one by one, so that only that one goes to the dead letters.
            }
        }

        if (oneByOne.Count(e => e is CallStepEnded or CallEnded) > 1)
        {
            var followUps = oneByOne.Where(e => e is CallStepEnded or CallEnded).ToList();
            switch (await AttemptAsync(followUps[0].CallId, ct => store.ApplyFollowUpsAsync(followUps, ct), abort))
            {
                case Attempt.Aborted:
                    spill.Append(oneByOne);
                    return false;
                case Attempt.Written:
                    oneByOne = oneByOne.Where(e => e is not (CallStepEnded or CallEnded)).ToList();
                    break;
                case Attempt.Refused:
                    break; // One by one, so that only the refused one goes to the dead letters.
            }
        }

        for (var i = 0; i < oneByOne.Count; i++)
        {
            if (!await WriteOneAsync(oneByOne[i], abort))
            {
                spill.Append(oneByOne.Skip(i));
                return false;
            }
        }

        return true;
    }

    /// <summary>False only when aborted before the write succeeded (or a call to count came after the counters closed).</summary>
    private async Task<bool> WriteOneAsync(CallEvent ev, CancellationToken abort)
    {
        if (ev is CallCounted counted)
        {
            // From a spill file: counted now, or spilled again after the counters' last save.
            return counters is null || counters.TryCount(counted.ToCount());
        }

        var attempt = await AttemptAsync(ev.CallId, ct => store.ApplyAsync(ev, ct), abort);
        if (attempt == Attempt.Refused)
        {
            spill.DeadLetter(ev);
        }

        return attempt != Attempt.Aborted;
    }

    private async Task<Attempt> AttemptAsync(string callId, Func<CancellationToken, Task> write, CancellationToken abort)
    {
        try
        {
            await retry.ExecuteAsync(write, abort);
            return Attempt.Written;
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            return Attempt.Aborted;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Refused by storage (400/413), or a fault no retry mends: kept for an operator, never dropped, never retried.
            LogRefused(log, LogText.Of(callId), ex.GetType().Name, ex.Message);
            return Attempt.Refused;
        }
    }

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "The event of call {CallId} or its batch could not be written ({Kind}: {Error}); kept in the dead-letter file or written one by one")]
    private static partial void LogRefused(ILogger logger, string callId, string kind, string error);
}
