using Smartnumbers.Core.Health;

namespace Smartnumbers.Functions.DeliveryHealth;

/// <summary>The documented default when no outcome source is registered: no passive signal, only the active probes count.</summary>
internal sealed class NoDestinationOutcomes : IDestinationOutcomes
{
    public Task<IReadOnlyList<CallOutcome>> RecentAsync(string accountId, IReadOnlyList<string> destinations, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CallOutcome>>([]);
}
