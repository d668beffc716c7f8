using Smartnumbers.Functions.Events;

namespace Smartnumbers.Functions.Accounts;

/// <summary>
/// What a write decided after seeing the current rows: the changes, the audit text, and whether the call path must
/// reload (<see cref="BumpVersion"/>). Or a refusal (<see cref="Outcome"/> other than <see cref="WriteOutcome.Done"/>).
/// </summary>
internal sealed record ConfigChange
{
    public WriteOutcome Outcome { get; init; } = WriteOutcome.Done;

    /// <summary>For refusals: the problem's detail; for <see cref="WriteOutcome.Invalid"/> the field it names.</summary>
    public string? Detail { get; init; }
    public string? Field { get; init; }

    public IReadOnlyList<RowChange> Rows { get; init; } = [];

    /// <summary>E.g. "PUT numbers/+441134960001" or "plans/leeds:activate".</summary>
    public string Action { get; init; } = "";
    public string Resource { get; init; } = "";
    public string? Before { get; init; }
    public string? After { get; init; }

    /// <summary>What happened, in words, when the documents do not say it (a scheduled switch skipped, a plan replaced).</summary>
    public string? Note { get; init; }
    public bool BumpVersion { get; init; } = true;

    /// <summary>
    /// The CloudEvents the change raises, given the account version it makes (unique to this change, so it makes a
    /// stable event id). They are written to the outbox in the change's own transaction: committed together or not at all.
    /// </summary>
    public Func<long, IReadOnlyList<OutboxEvent>>? Events { get; init; }

    public static ConfigChange Refuse(WriteOutcome outcome, string detail, string? field = null) =>
        new() { Outcome = outcome, Detail = detail, Field = field };
}
