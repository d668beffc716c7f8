using Azure.Data.Tables;

namespace Smartnumbers.Functions.Events;

/// <summary>
/// Another outbox that rides along with the CloudEvents: for each event it may add rows to the same partition batch
/// (so they commit, or not, with the event), and it is nudged when events are.
/// </summary>
public interface IOutboxCompanion
{
    IEnumerable<TableTransactionAction> ActionsFor(OutboxEvent e);

    void Nudge();
}
