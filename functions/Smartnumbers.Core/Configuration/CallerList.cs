namespace Smartnumbers.Core.Configuration;

/// <summary>
/// A block or allow list. Entries are E.164 numbers, E.164 prefixes ending in '*' (e.g. "+44909*"),
/// or the literal "anonymous" (matches withheld callers).
/// </summary>
public sealed record CallerList
{
    public static CallerList Empty { get; } = new();
    public IReadOnlySet<string> Entries { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
