using Azure.Data.Tables;

namespace Smartnumbers.Functions.Counters;

/// <summary>A <see cref="ShardRow"/>'s values at one moment, taken under the shard's lock and turned into an entity outside it.</summary>
internal sealed record ShardRowCopy(string Partition, string RowKey, bool Withheld, int[] Hours, string[] Numbers, long Version)
{
    /// <summary>The row as stored: the non-zero hours (H or W), and on caller rows Day and Numbers.</summary>
    public TableEntity ToEntity()
    {
        var e = new TableEntity(Partition, RowKey);
        var total = 0;
        for (var h = 0; h < 24; h++)
        {
            if (Hours[h] > 0)
            {
                e[Withheld ? CounterKeys.WithheldInHour(h) : CounterKeys.CallsInHour(h)] = Hours[h];
                total += Hours[h];
            }
        }

        if (!Withheld)
        {
            e[CounterKeys.Day] = total;
            e[CounterKeys.Numbers] = string.Join(';', Numbers);
        }

        return e;
    }
}
