using Smartnumbers.Functions.Acs.Calls;
using Smartnumbers.Functions.CallRecords;

namespace Smartnumbers.Functions.Acs.Routing;

/// <summary>
/// Call record events of ACS calls after the decision: the end of unanswered rejects, route steps (answered / busy /
/// no-answer / canceled / failed) and the end of answered calls. Never throws.
/// </summary>
public sealed class AcsCallRecorder(CallRecordWriter records, TimeProvider time, ILogger<AcsCallRecorder> log)
{
    /// <summary>After an unanswered reject went through: its final status (ACS reports nothing more).</summary>
    public void Handled(AcsCallInstruction instruction)
    {
        if (instruction is AcsCallInstruction.Reject reject && instruction.RecordId is { } id)
        {
            Enqueue(new CallEnded { CallId = id, AccountId = instruction.AccountId, At = time.GetUtcNow(), Status = reject.Reason == "busy" ? "busy" : "failed" });
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
                Carrier = "acs",
                Outcome = new CallStepOutcome(before.Step, plan.Steps[before.Step].Destinations,
                    answered ? "answered" : FailedLegStatus(e.ResultCode),
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

    /// <summary>Carrier-neutral status of a failed AddParticipant from its result code (SIP-like).</summary>
    public static string FailedLegStatus(int? code) => code switch
    {
        486 or 600 => "busy",
        408 or 480 => "no-answer",
        487 => "canceled",
        _ => "failed",
    };

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
