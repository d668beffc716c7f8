namespace Smartnumbers.Functions.Counters;

/// <summary>One shard row as a call's figures need it: calls in the call's clock hour, in the day, and the numbers called.</summary>
internal sealed record RowFigures(string RowKey, int InHour, int Day, IReadOnlyList<string> Numbers);
