namespace Smartnumbers.Core.Ivr;

/// <summary>The machine's limits. Defaults suit a telephone keypad; the lockout across calls is configured in the app.</summary>
public sealed record IvrOptions
{
    public static IvrOptions Default { get; } = new();

    /// <summary>Invalid or missing entries in a row at one prompt before the call ends (1–10).</summary>
    public int MaxAttempts { get; init; } = 3;
    /// <summary>Wrong PINs in one call before it ends (1–10).</summary>
    public int MaxPinFailuresPerCall { get; init; } = 3;
    /// <summary>Silence that ends a staff id or PIN entry.</summary>
    public TimeSpan EntryTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Silence that ends a menu choice.</summary>
    public TimeSpan MenuTimeout { get; init; } = TimeSpan.FromSeconds(8);
}
