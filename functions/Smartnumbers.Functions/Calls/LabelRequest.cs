namespace Smartnumbers.Functions.Calls;

/// <summary>The body of POST …/calls/{callId}/label.</summary>
internal sealed record LabelRequest
{
    /// <summary>"fraud" or "genuine".</summary>
    public string? Label { get; init; }
}
