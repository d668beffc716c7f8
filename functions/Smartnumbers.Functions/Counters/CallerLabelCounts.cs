using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Counters;

/// <summary>Operators' fraud/genuine labels counted against a caller: row "labels|{caller}" of the caller's partition, read-modify-written under ETag.</summary>
internal sealed class CallerLabelCounts(TableStore store, TimeProvider time)
{
    public Task RecordAsync(string accountId, string caller, bool fraud, CancellationToken cancellationToken = default)
    {
        var property = fraud ? CounterKeys.Fraud : CounterKeys.Genuine;
        return OptimisticRow.UpdateAsync(store.Table(CounterKeys.Table), CounterKeys.CallerPartition(accountId, caller), CounterKeys.LabelsRow(caller), e =>
        {
            e[property] = OptimisticRow.Int(e, property) + 1;
            return true;
        }, time, cancellationToken);
    }
}
