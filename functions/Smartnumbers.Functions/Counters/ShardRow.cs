namespace Smartnumbers.Functions.Counters;

/// <summary>
/// One counter row this instance owns: its whole value lives here, so a write replaces the stored row without reading
/// it. <see cref="Version"/> grows with every count; <see cref="WrittenVersion"/> is the version storage last took.
/// Guarded by <see cref="CounterShard"/>'s lock.
/// </summary>
internal sealed class ShardRow(string partition, string rowKey, bool withheld)
{
    private readonly int[] _hours = new int[24];
    private List<string>? _numbers;
    private int _day;

    public string Partition { get; } = partition;

    public string RowKey { get; } = rowKey;

    public long Version { get; private set; }

    public long WrittenVersion { get; set; }

    public bool Dirty => Version > WrittenVersion;

    /// <summary>Counts a call in <paramref name="hour"/> (to <paramref name="calledNumber"/>, kept on caller rows).</summary>
    public void Add(int hour, string? calledNumber)
    {
        _hours[hour]++;
        _day++;
        if (!withheld && calledNumber is not null)
        {
            _numbers ??= [];
            if (_numbers.Count < CounterKeys.MaxDistinctNumbers && !_numbers.Contains(calledNumber, StringComparer.Ordinal))
            {
                _numbers.Add(calledNumber);
            }
        }

        Version++;
    }

    /// <summary>Its values now, to be turned into an entity after the shard's lock is released.</summary>
    public ShardRowCopy Copy() => new(this, Partition, RowKey, withheld, (int[])_hours.Clone(), _numbers?.ToArray() ?? [], Version);

    /// <summary>What the figures of a call in <paramref name="hour"/> need from this row.</summary>
    public RowFigures Figures(int hour) => new(RowKey, _hours[hour], _day, _numbers is null ? [] : _numbers.ToArray());
}
