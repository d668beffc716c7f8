using Smartnumbers.Core.Configuration;

namespace Smartnumbers.Core.Decisions;

/// <summary>
/// Walks a decision's steps: <see cref="Advance"/> after a step failed. Immutable; <see cref="Index"/> can be
/// round-tripped through a carrier callback URL and restored with <see cref="At"/>.
/// </summary>
public readonly record struct RouteCursor(IReadOnlyList<RouteStep> Steps, int Index)
{
    /// <summary>The current step; null before the first <see cref="Advance"/> or when exhausted.</summary>
    public RouteStep? Current => Index >= 0 && Index < Steps.Count ? Steps[Index] : null;

    /// <summary>True when no step is left after the current one.</summary>
    public bool IsLast => Index + 1 >= Steps.Count;

    /// <summary>The cursor on the next step (Current is null when the route is exhausted).</summary>
    public RouteCursor Advance() => this with { Index = Math.Min(Index + 1, Steps.Count) };

    /// <summary>A cursor on step <paramref name="index"/> of <paramref name="steps"/>.</summary>
    public static RouteCursor At(IReadOnlyList<RouteStep> steps, int index) => new(steps, Math.Clamp(index, -1, steps.Count));
}
