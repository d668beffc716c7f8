using Azure.Data.Tables;

namespace Smartnumbers.Functions.Counters;

/// <summary>
/// One counter row this instance owns: its whole value lives here, so a write replaces the stored row without reading
/// it. <see cref="Version"/> grows with every count; <see cref="WrittenVersion"/> is the version storage last took.
/// Guarded by <see cref="CounterShard"/>'s lock.
/// </summary>
internal sealed class ShardRow(string partition, string rowKey, string shardId, string day, bool withheld)
{
    private readonly int[] _hours = new int[24];
    private List<string>? _numbers;

    public string Partition { get; } = partition;

    public string RowKey { get; } = rowKey;

    public string ShardId { get; } = shardId;

    /// <summary>The UTC day counted, yyyyMMdd.</summary>
    public string Day { get; } = day;

    public long Version { get; private set; }

    public long WrittenVersion { get; set; }

    public bool Dirty => Version > WrittenVersion;

    /// <summary>Counts a call in <paramref name="hour"/> (to <paramref name="calledNumber"/>, kept on caller rows).</summary>
    public void Add(int hour, string? calledNumber)
    {
        _hours[hour]++;
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

    /// <summary>The row as stored: the non-zero hours (H or W), and on caller rows Day and Numbers.</summary>
    public TableEntity ToEntity()
    {
        var e = new TableEntity(Partition, RowKey);
        var total = 0;
        for (var h = 0; h < 24; h++)
        {
            if (_hours[h] > 0)
            {
                e[withheld ? CounterKeys.WithheldInHour(h) : CounterKeys.CallsInHour(h)] = _hours[h];
                total += _hours[h];
            }
        }

        if (!withheld)
        {
            e[CounterKeys.Day] = total;
            e[CounterKeys.Numbers] = _numbers is null ? "" : string.Join(';', _numbers);
        }

        return e;
    }
}
