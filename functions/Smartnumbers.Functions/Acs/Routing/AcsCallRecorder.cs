using Smartnumbers.Functions.Acs.Calls;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Counters;

namespace Smartnumbers.Functions.Acs.Routing;

/// <summary>
/// What ACS calls leave behind once the call has its answer: velocity counts, and call record events for rejects,
/// route steps (answered / busy / no-answer / failed) and the end of answered calls. Never throws.
/// </summary>
public sealed class AcsCallRecorder(CallRecordWriter records, ICallCounters counters, TimeProvider time, ILogger<AcsCallRecorder> log)
{
    /// <summary>After the call was handled: count it, and end the record of an unanswered reject.</summary>
    public async Task HandledAsync(AcsCallInstruction instruction, CancellationToken ct)
    {
        if (instruction.RecordId is { } id && instruction is AcsCallInstruction.Reject reject)
        {
            Enqueue(new CallEnded { CallId = id, AccountId = instruction.Count?.AccountId, At = time.GetUtcNow(), Status = reject.Reason == "busy" ? "busy" : "failed" });
        }

        if (instruction.Count is { } count)
        {
            try
            {
                await counters.RecordCallAsync(count, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                AcsRoutingLog.CountFailed(log, instruction.RecordId ?? "", ex.GetType().Name);
            }
        }
    }

    /// <summary>After a callback moved the call from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public void Transitioned(AcsCallState before, AcsCallState after, AcsCallbackEvent e)
    {
        var plan = after.Plan;
        if (plan.RecordId is null || plan.AccountId is null)
        {
            return;
        }

        var stepEnded = before.Phase == AcsCallPhase.Ringing && (after.Phase != AcsCallPhase.Ringing || after.Step != before.Step);
        if (stepEnded && before.Step < plan.Steps.Count)
        {
            var answered = after.Phase == AcsCallPhase.Connected;
            Enqueue(new CallStepEnded
            {
                CallId = plan.RecordId,
                At = time.GetUtcNow(),
                AccountId = plan.AccountId,
                StartedAt = plan.StartedAt,
                Carrier = AcsCallRecords.Carrier,
                Outcome = new CallStepOutcome(before.Step, plan.Steps[before.Step].Destinations,
                    answered ? "answered" : AcsCallRecords.FailedLegStatus(e.ResultCode),
                    !answered && e.ResultCode is >= 400 and < 700 ? e.ResultCode : null, null, time.GetUtcNow()),
            });
        }

        if (before.Phase != AcsCallPhase.Ended && after.Phase == AcsCallPhase.Ended)
        {
            Enqueue(new CallEnded
            {
                CallId = plan.RecordId,
                AccountId = plan.AccountId,
                StartedAt = plan.StartedAt,
                At = time.GetUtcNow(),
                Status = after.Outcome switch { "connected" or "announced" or "transferred" => "completed", "closed" => "no-answer", _ => "failed" },
            });
        }
    }

    private void Enqueue(CallEvent e)
    {
        try
        {
            records.Enqueue(e);
        }
        catch (IOException ex)
        {
            AcsRoutingLog.RecordFailed(log, e.CallId, ex.Message);
        }
    }
}
