using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Numbers;
using Smartnumbers.Core.Screening;

namespace Smartnumbers.Core.Decisions;

/// <summary>
/// Everything derived from one call once (each number parsed once), shared by screening, Call DNA and routing. A struct
/// passed by <c>in</c>: it lives only for the decision, so it costs no allocation.
/// </summary>
internal readonly struct CallFacts
{
    public required InboundCall Call { get; init; }
    public required CallerHistory History { get; init; }
    public required SnapshotIndex Index { get; init; }
    public required AccountSnapshot Snapshot { get; init; }
    /// <summary>The called number as keyed in the snapshot; null when the account does not have it.</summary>
    public string? CalledKey { get; init; }
    public NumberConfig? Number { get; init; }
    public ParsedNumber Called { get; init; }
    public ParsedNumber Presentation { get; init; }
    public ParsedNumber Network { get; init; }
    public ListMatch BlockMatch { get; init; }
    /// <summary>The number's time zone (number, else account), null when neither resolves.</summary>
    public TimeZoneInfo? Zone { get; init; }
    /// <summary>Arrival time in <see cref="Zone"/> (UTC when null).</summary>
    public DateTimeOffset LocalTime { get; init; }

    /// <summary>The caller's best identity for lists and velocity: presentation E.164, else network E.164.</summary>
    public string? CallerE164 => Presentation.E164 ?? Network.E164;
}
