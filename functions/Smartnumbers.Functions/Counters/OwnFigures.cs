namespace Smartnumbers.Functions.Counters;

/// <summary>One of this instance's counter rows as a call's figures need it: calls in the call's hour, in the day, and the numbers called.</summary>
internal sealed record OwnFigures(string RowKey, int InHour, int Day, IReadOnlyList<string> Numbers);
