using Azure;

namespace Smartnumbers.Functions.CallRecords;

/// <summary>
/// One row of <see cref="CallHourRollups"/>: the hour, its folded figures (null: none usable, fold the records), and the
/// row's version as read (null: no row), the condition for storing figures in its place.
/// </summary>
public sealed record CallHourRollup(DateTimeOffset Hour, string? Figures, ETag? Version);
