namespace Smartnumbers.Functions.Counters;

/// <summary>A <see cref="ShardRow"/>'s values at one moment (<paramref name="Version"/>), taken under the shard's lock and written outside it.</summary>
internal sealed record ShardRowCopy(ShardRow Row, string Partition, string RowKey, bool Withheld, int[] Hours, string[] Numbers, long Version)
{
    /// <summary>The row as stored: the non-zero hours (H or W), and on caller rows Day and Numbers.</summary>
    public SavedCounterRow ToSaved()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        for (var h = 0; h < 24; h++)
        {
            if (Hours[h] > 0)
            {
                counts[Withheld ? CounterKeys.WithheldInHour(h) : CounterKeys.CallsInHour(h)] = Hours[h];
                total += Hours[h];
            }
        }

        if (Withheld)
        {
            return new SavedCounterRow(Partition, RowKey, counts, null);
        }

        counts[CounterKeys.Day] = total;
        return new SavedCounterRow(Partition, RowKey, counts, string.Join(';', Numbers));
    }
}
