using Smartnumbers.Core.Health;
using Smartnumbers.Functions.CallRecords;

namespace Smartnumbers.Functions.DeliveryHealth;

/// <summary>The passive signal's source: the per-destination delivery outcomes the carrier adapters record (table DeliveryOutcomes).</summary>
internal sealed class CallRecordDestinationOutcomes(CallRecordStore records) : IDestinationOutcomes
{
    /// <summary>At most this many outcomes per destination are read per round (newest first).</summary>
    public const int MaxPerDestination = 20;

    public async Task<IReadOnlyList<CallOutcome>> RecentAsync(string accountId, IReadOnlyList<string> destinations, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var reads = destinations.Distinct(StringComparer.Ordinal).Select(async destination =>
        {
            var list = new List<CallOutcome>();
            await foreach (var o in records.OutcomesAsync(accountId, destination, since, cancellationToken))
            {
                list.Add(new CallOutcome(o.Destination, o.At, o.Reached, o.SipResponseCode is { } code ? $"{o.Status} {code}" : o.Status));
                if (list.Count >= MaxPerDestination)
                {
                    break;
                }
            }

            return list;
        });
        return (await Task.WhenAll(reads)).SelectMany(l => l).OrderBy(o => o.At).ToList();
    }
}
