using Smartnumbers.Core.Health;

namespace Smartnumbers.Functions.DeliveryHealth;

/// <summary>
/// Port: recent delivery attempts to destinations, as recorded by the carrier adapters in their call records (the
/// passive health signal); <see cref="CallRecordDestinationOutcomes"/> reads the DeliveryOutcomes table.
/// </summary>
public interface IDestinationOutcomes
{
    /// <summary>Attempts to any of <paramref name="destinations"/> of <paramref name="accountId"/> since <paramref name="since"/>.</summary>
    Task<IReadOnlyList<CallOutcome>> RecentAsync(string accountId, IReadOnlyList<string> destinations, DateTimeOffset since, CancellationToken cancellationToken);
}
