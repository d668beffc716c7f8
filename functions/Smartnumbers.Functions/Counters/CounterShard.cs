using System.Security.Cryptography;

namespace Smartnumbers.Functions.Counters;

/// <summary>
/// This instance's shard of the call counters (layout in <see cref="CounterKeys"/>): the rows it owns and their values.
/// Counting is a memory update under one lock, no I/O; <see cref="Changed"/> hands the rows storage has not seen yet to
/// a flush, which reports them with <see cref="Written"/>. The shard id is new for every process, so a row is only ever
/// written by the one instance that holds its whole value. When rows are dropped from memory (days before yesterday,
/// or more than <see cref="MaxRows"/>) the shard takes a new id first, so a dropped row is never rewritten from zero;
/// likewise when rows are handed to a file (<see cref="HandOff"/>), so the file's replay never overwrites later counts.
/// </summary>
internal sealed class CounterShard
{
    /// <summary>Rows held in memory before clean ones are dropped (and the shard id renewed).</summary>
    public const int MaxRows = 200_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Partition, string Row), ShardRow> _rows = [];
    private readonly List<string> _ids = [];
    private string _id;
    private int _unwritten; // Rows with Dirty set, kept as rows change so that reading it never walks the rows.

    public CounterShard()
    {
        _id = NewId();
        _ids.Add(_id);
    }

    /// <summary>The id this instance writes its rows under now.</summary>
    public string Id
    {
        get
        {
            lock (_gate)
            {
                return _id;
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
    public int Unwritten => Volatile.Read(ref _unwritten);

    public void Count(CallCount call)
    {
        var hour = call.At.UtcDateTime.Hour;
        var day = CounterKeys.DayRow(call.At);
        lock (_gate)
        {
            if (call.Caller is { } caller)
            {
                Add(Get(CounterKeys.CallerPartition(call.AccountId, caller), CounterKeys.CallerDayPrefix(call.At, caller), day, withheld: false), hour, call.CalledNumber);
            }

            if (call.Withheld)
            {
                Add(Get(CounterKeys.WithheldPartition(call.AccountId), CounterKeys.WithheldDayPrefix(call.At, call.CalledNumber), day, withheld: true), hour, null);
            }
        }
    }

    /// <summary>The rows changed since storage last took them.</summary>
    public List<ShardWrite> Changed()
    {
        List<(ShardRow Row, ShardRowCopy Copy)> changed;
        lock (_gate)
        {
            changed = ChangedLocked();
        }

        return Writes(changed); // Entities built outside the lock: counting and the call path's figures do not wait on them.
    }

    /// <summary>
    /// The rows changed since storage last took them, to be written by someone else (a file replayed later): the shard
    /// takes a new id at once, so no later count lands on these rows and their replay never overwrites newer counts.
    /// Report them with <see cref="Written"/> once they are safe.
    /// </summary>
    public List<ShardWrite> HandOff()
    {
        List<(ShardRow Row, ShardRowCopy Copy)> changed;
        lock (_gate)
        {
            changed = ChangedLocked();
            if (changed.Count > 0)
            {
                Renew();
            }
        }

        return Writes(changed);
    }

    /// <summary>Records that storage took these rows at these versions.</summary>
    public void Written(IEnumerable<ShardWrite> writes)
    {
        lock (_gate)
        {
            foreach (var w in writes)
            {
                var was = w.Row.Dirty;
                w.Row.WrittenVersion = Math.Max(w.Row.WrittenVersion, w.Version);
                if (was && !w.Row.Dirty)
                {
                    _unwritten--;
                }
            }
        }
    }

    /// <summary>What a call in <paramref name="hour"/> needs of this instance's rows in <paramref name="partition"/> under <paramref name="rowPrefix"/>: a short look under the lock, no entity built.</summary>
    public List<OwnFigures> OwnFigures(string partition, string rowPrefix, int hour)
    {
        var own = new List<OwnFigures>(1);
        lock (_gate)
        {
            foreach (var id in _ids)
            {
                if (_rows.TryGetValue((partition, rowPrefix + id), out var row))
                {
                    own.Add(row.Figures(hour));
                }
            }
        }

        return own;
    }

    /// <summary>
    /// Drops clean rows that will not change again: those of earlier shard ids, and, after renewing the id, those of
    /// days before yesterday or all clean rows when more than <see cref="MaxRows"/> are held.
    /// </summary>
    public void Tidy(DateTimeOffset now)
    {
        var horizon = CounterKeys.DayRow(now.AddDays(-1));
        lock (_gate)
        {
            if (_rows.Count > MaxRows || _rows.Values.Any(r => string.CompareOrdinal(r.Day, horizon) < 0))
            {
                Renew();
            }

            foreach (var (key, row) in _rows.Where(p => !p.Value.Dirty && p.Value.ShardId != _id).ToList())
            {
                _rows.Remove(key);
            }
        }
    }

    private List<(ShardRow Row, ShardRowCopy Copy)> ChangedLocked() => _rows.Values.Where(r => r.Dirty).Select(r => (r, r.Copy())).ToList();

    private static List<ShardWrite> Writes(List<(ShardRow Row, ShardRowCopy Copy)> changed) =>
        changed.Select(c => new ShardWrite(c.Row, c.Copy.ToEntity(), c.Copy.Version)).ToList();

    private void Renew()
    {
        _id = NewId();
        _ids.Add(_id);
    }

    private void Add(ShardRow row, int hour, string? calledNumber)
    {
        if (!row.Dirty)
        {
            _unwritten++;
        }

        row.Add(hour, calledNumber);
    }

    private ShardRow Get(string partition, string rowPrefix, string day, bool withheld)
    {
        var key = (partition, rowPrefix + _id);
        if (!_rows.TryGetValue(key, out var row))
        {
            row = new ShardRow(partition, key.Item2, _id, day, withheld);
            _rows[key] = row;
        }

        return row;
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}
