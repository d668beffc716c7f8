namespace Smartnumbers.Core.Ivr;

/// <summary>Remove the personal overrides of the staff member's numbers.</summary>
public sealed record CancelOverride : IvrAction
{
    public required IReadOnlyList<string> Numbers { get; init; }

    public override string Describe() => $"cancel the overrides of {string.Join(", ", Numbers)}";
}
