using System.Security.Cryptography;

namespace Smartnumbers.Functions.Counters;

/// <summary>
/// This instance's shard of the call counters (layout in <see cref="CounterKeys"/>): the rows it owns and their values.
/// Counting a call is a memory update under one lock, with no I/O and no key built (rows are found by a value key, their
/// table keys built once when the row is made). <see cref="Changed"/> hands the rows storage has not seen yet to a
/// flush, which reports them with <see cref="Written"/>; it walks only the changed rows, never all rows, so its cost
/// follows the calls of the interval, not the calls stored. The shard id is new for every process, so a row is only ever
/// written by the one instance that holds its whole value. When rows are dropped from memory (days before yesterday, or
/// more than <see cref="MaxRows"/>) the shard takes a new id first, so a dropped row is never rewritten from zero;
/// likewise when rows are handed to a file (<see cref="HandOff"/>), so the file's replay never overwrites later counts.
/// </summary>
internal sealed class CounterShard
{
    /// <summary>Rows held in memory before clean ones are dropped (and the shard id renewed).</summary>
    public const int MaxRows = 200_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<RowId, ShardRow> _rows = [];
    private readonly HashSet<ShardRow> _dirty = [];
    private readonly List<string> _ids = [];
    private List<(RowId Id, ShardRow Row)> _retired = []; // Rows of earlier shard ids, dropped once clean.
    private int _oldestDay = int.MaxValue; // Of the rows under the current id.

    public CounterShard() => _ids.Add(NewId());

    /// <summary>The id this instance writes its rows under now.</summary>
    public string Id
    {
        get
        {
            lock (_gate)
            {
                return _ids[^1];
            }
        }
    }

    /// <summary>Rows held in memory.</summary>
    public int Rows
    {
        get
        {
            lock (_gate)
            {
                return _rows.Count;
            }
        }
    }

    /// <summary>Rows changed since storage last took them.</summary>
    public int Unwritten
    {
        get
        {
            lock (_gate)
            {
                return _dirty.Count;
            }
        }
    }

    /// <summary>Counts one call (per caller hour/day and distinct numbers; withheld calls per number hour).</summary>
    public void Count(CallCount call)
    {
        var hour = call.At.UtcDateTime.Hour;
        var day = DayNumber(call.At);
        lock (_gate)
        {
            var shard = _ids.Count - 1;
            if (call.Caller is { } caller)
            {
                Add(Get(new RowId(call.AccountId, caller, Withheld: false, day, shard), call.At), hour, call.CalledNumber);
            }

            if (call.Withheld)
            {
                Add(Get(new RowId(call.AccountId, call.CalledNumber, Withheld: true, day, shard), call.At), hour, null);
            }
        }
    }

    /// <summary>The rows changed since storage last took them.</summary>
    public List<ShardRowCopy> Changed()
    {
        lock (_gate)
        {
            return ChangedLocked();
        }
    }

    /// <summary>
    /// The rows changed since storage last took them, to be written by someone else (a file replayed later): the shard
    /// takes a new id at once, so no later count lands on these rows and their replay never overwrites newer counts.
    /// Report them with <see cref="Written"/> once they are safe.
    /// </summary>
    public List<ShardRowCopy> HandOff()
    {
        lock (_gate)
        {
            var changed = ChangedLocked();
            if (changed.Count > 0)
            {
                Renew();
            }

            return changed;
        }
    }

    /// <summary>Records that storage took these rows at these versions.</summary>
    public void Written(IEnumerable<ShardRowCopy> writes)
    {
        lock (_gate)
        {
            foreach (var w in writes)
            {
                w.Row.WrittenVersion = Math.Max(w.Row.WrittenVersion, w.Version);
                if (!w.Row.Dirty)
                {
                    _dirty.Remove(w.Row);
                }
            }
        }
    }

    /// <summary>What a call in <paramref name="hour"/> needs of this instance's rows for <paramref name="subject"/> (a caller, or the number for withheld calls) on the day of <paramref name="at"/>.</summary>
    public List<RowFigures> OwnFigures(string accountId, string subject, bool withheld, DateTimeOffset at, int hour)
    {
        var own = new List<RowFigures>(1);
        var day = DayNumber(at);
        lock (_gate)
        {
            for (var shard = 0; shard < _ids.Count; shard++)
            {
                if (_rows.TryGetValue(new RowId(accountId, subject, withheld, day, shard), out var row))
                {
                    own.Add(row.Figures(hour));
                }
            }
        }

        return own;
    }

    /// <summary>
    /// Drops clean rows that will not change again: those of earlier shard ids, and, after renewing the id, those of
    /// days before yesterday or all clean rows when more than <see cref="MaxRows"/> are held. Walks only retired rows.
    /// </summary>
    public void Tidy(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_rows.Count > MaxRows || _oldestDay < DayNumber(now) - 1)
            {
                Renew();
            }

            if (_retired.Count == 0)
            {
                return;
            }

            var kept = new List<(RowId, ShardRow)>();
            foreach (var (id, row) in _retired)
            {
                if (row.Dirty)
                {
                    kept.Add((id, row));
                }
                else
                {
                    _rows.Remove(id);
                }
            }

            _retired = kept;
        }
    }

    private List<ShardRowCopy> ChangedLocked()
    {
        var changed = new List<ShardRowCopy>(_dirty.Count);
        foreach (var row in _dirty)
        {
            changed.Add(row.Copy());
        }

        return changed;
    }

    /// <summary>A new shard id: rows under the old ones are retired (written when dirty, then dropped).</summary>
    private void Renew()
    {
        var current = _ids.Count - 1;
        foreach (var (id, row) in _rows)
        {
            if (id.Shard == current)
            {
                _retired.Add((id, row));
            }
        }

        _ids.Add(NewId());
        _oldestDay = int.MaxValue;
    }

    private void Add(ShardRow row, int hour, string? calledNumber)
    {
        row.Add(hour, calledNumber);
        _dirty.Add(row);
    }

    private ShardRow Get(RowId id, DateTimeOffset at)
    {
        if (!_rows.TryGetValue(id, out var row))
        {
            var (partition, prefix) = id.Withheld
                ? (CounterKeys.WithheldPartition(id.Account), CounterKeys.WithheldDayPrefix(at, id.Subject))
                : (CounterKeys.CallerPartition(id.Account, id.Subject), CounterKeys.CallerDayPrefix(at, id.Subject));
            row = new ShardRow(partition, prefix + _ids[id.Shard], id.Withheld);
            _rows[id] = row;
            _oldestDay = Math.Min(_oldestDay, id.Day);
        }

        return row;
    }

    private static int DayNumber(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime).DayNumber;

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>A row's identity in memory: no string is built to find it.</summary>
    /// <param name="Subject">The caller, or for withheld rows the called number.</param>
    /// <param name="Shard">Index of the shard id the row is written under.</param>
    private readonly record struct RowId(string Account, string Subject, bool Withheld, int Day, int Shard);
}
