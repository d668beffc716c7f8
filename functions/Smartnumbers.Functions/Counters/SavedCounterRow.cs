namespace Smartnumbers.Functions.Counters;

/// <summary>
/// A shard row storage had not taken when the instance stopped, kept on disk (whole value, so writing it later, once or
/// twice, gives the same row).
/// </summary>
internal sealed record SavedCounterRow(string Partition, string Row, Dictionary<string, int> Counts, string? Numbers);
