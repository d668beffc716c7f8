namespace Smartnumbers.Functions.Acs.Calls;

/// <summary>What to do with an incoming ACS call, decided before it is answered.</summary>
public abstract record AcsCallInstruction
{
    /// <summary>Where to redirect the call if the instruction cannot be carried out (the number's normal route).</summary>
    public string? FallbackDestination { get; init; }

    /// <summary>The account of the call (for the record of an unanswered reject).</summary>
    public string? AccountId { get; init; }

    /// <summary>The call record's id, to record the final status of unanswered rejects.</summary>
    public string? RecordId { get; init; }

    /// <summary>Reject unanswered: <paramref name="Reason"/> is busy | none | forbidden.</summary>
    public sealed record Reject(string Reason) : AcsCallInstruction;

    /// <summary>Redirect unanswered (no media, no events afterwards).</summary>
    public sealed record Redirect(string Destination) : AcsCallInstruction;

    /// <summary>Leave the call alone: no action at all (it is not ours, or we cannot tell; <paramref name="Why"/> says which).</summary>
    public sealed record Ignore(string Why) : AcsCallInstruction;

    /// <summary>Answer and follow <paramref name="Plan"/>.</summary>
    public sealed record Answer(AcsCallPlan Plan) : AcsCallInstruction;
}
