using Smartnumbers.Core.Configuration;

namespace Smartnumbers.Core.Screening;

/// <summary>A <see cref="CallerList"/> prepared for lookups: exact numbers in a set, prefixes sorted longest first.</summary>
internal sealed class CallerListMatcher
{
    private readonly HashSet<string> _exact = new(StringComparer.Ordinal);
    private readonly string[] _prefixes;
    private readonly bool _anonymous;

    public CallerListMatcher(CallerList list)
    {
        var prefixes = new List<string>();
        foreach (var raw in list.Entries)
        {
            var entry = raw?.Trim() ?? "";
            if (entry.Equals("anonymous", StringComparison.OrdinalIgnoreCase))
            {
                _anonymous = true;
            }
            else if (entry.EndsWith('*'))
            {
                if (entry.Length > 1)
                {
                    prefixes.Add(entry[..^1]);
                }
            }
            else if (entry.Length > 0)
            {
                _exact.Add(entry);
            }
        }
        _prefixes = [.. prefixes.OrderByDescending(p => p.Length)];
    }

    public bool IsEmpty => !_anonymous && _exact.Count == 0 && _prefixes.Length == 0;

    /// <summary>Matches a caller: the withheld flag against "anonymous", else each given number (E.164) exactly, then by prefix.</summary>
    public ListMatch Match(bool withheld, string? number, string? otherNumber = null)
    {
        if (withheld && _anonymous)
        {
            return ListMatch.Anonymous;
        }
        var first = MatchNumber(number);
        return first != ListMatch.None ? first : MatchNumber(otherNumber);
    }

    private ListMatch MatchNumber(string? number)
    {
        if (string.IsNullOrEmpty(number))
        {
            return ListMatch.None;
        }
        if (_exact.Contains(number))
        {
            return ListMatch.Exact;
        }
        foreach (var prefix in _prefixes)
        {
            if (number.StartsWith(prefix, StringComparison.Ordinal))
            {
                return ListMatch.Prefix;
            }
        }
        return ListMatch.None;
    }
}
