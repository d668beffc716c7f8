namespace Smartnumbers.Core.Risk;

/// <summary>The outcome of a step of <see cref="ModelRegistry"/>: the registry after it, or why it was refused.</summary>
public sealed record ModelChange(ModelRegistry? Registry, string? Refusal = null)
{
    public bool Done => Registry is not null;
}
