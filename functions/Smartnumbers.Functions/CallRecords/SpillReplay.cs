using Azure;
using Smartnumbers.Functions.Counters;

namespace Smartnumbers.Functions.CallRecords;

/// <summary>
/// Writes back what was kept in the spill folder: at start (including files a stopped or dead instance left, which is
/// how records and counts kept by an instance that scaled in reach storage), then every <see cref="Every"/> while the
/// queue is idle and something waits. A file is claimed by renaming it, so two instances sharing the folder never both
/// replay it; what a replay could not write before the writer aborts is spilled again.
/// </summary>
internal sealed partial class SpillReplay(CallRecordSpill spill, CallEventBatchWriter batches, CounterFlusher? counters, int batchSize, TimeProvider time, ILogger log)
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    /// <summary>Replays until <paramref name="stopping"/>; a replay under way runs on until <paramref name="abort"/>.</summary>
    public async Task RunAsync(Func<bool> queueIdle, CancellationToken stopping, CancellationToken abort)
    {
        var first = true;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (first || (queueIdle() && (spill.HasWaiting() || counters?.HasSaved() == true)))
                {
                    if (counters is not null)
                    {
                        await counters.ReplaySavedAsync(abort);
                    }

                    foreach (var file in spill.Claim(includeAbandoned: first))
                    {
                        await ReplayAsync(file, abort);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or RequestFailedException or HttpRequestException or AggregateException or OperationCanceledException)
            {
                LogReplayFailed(log, ex.Message); // The folder or storage unreachable: tried again on the next round.
            }

            first = false;
            try
            {
                await Task.Delay(Every, time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ReplayAsync(string file, CancellationToken abort)
    {
        var events = CallRecordSpill.Read(file).ToList();
        LogReplaying(log, events.Count, file);
        for (var start = 0; start < events.Count; start += batchSize)
        {
            if (!await batches.WriteAsync(events.GetRange(start, Math.Min(batchSize, events.Count - start)), abort))
            {
                spill.Append(events.Skip(start + batchSize)); // Aborted: this chunk is spilled already; keep the rest for the next start.
                break;
            }
        }

        File.Delete(file);
    }

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Replaying spilled call events failed: {Error}")]
    private static partial void LogReplayFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "Replaying {Count} spilled call events from {File}")]
    private static partial void LogReplaying(ILogger logger, int count, string file);
}
