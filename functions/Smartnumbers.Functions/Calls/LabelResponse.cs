namespace Smartnumbers.Functions.Calls;

/// <summary>The answer of POST …/calls/{callId}/label: the label now stored and the one before (null when none).</summary>
internal sealed record LabelResponse(string CallId, string Label, string? Previous);
