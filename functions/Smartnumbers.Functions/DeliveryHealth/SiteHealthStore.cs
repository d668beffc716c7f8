using Azure;
using Azure.Data.Tables;
using Smartnumbers.Core.Health;
using Smartnumbers.Functions.Events;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.DeliveryHealth;

/// <summary>
/// Site health in Table Storage. A state change, its outbox events and its audit entries commit in one partition batch
/// guarded by the state row's ETag, so two instances running the same round cannot both record a transition.
/// </summary>
internal sealed class SiteHealthStore(TableStore store, IEventOutbox outbox) : ISiteHealthReader
{
    public const string TableName = "SiteHealth";

    private TableClient Table => store.Table(TableName);

    /// <summary>The state and its ETag (null ETag: never stored).</summary>
    public async Task<(SiteHealthState State, ETag? ETag)> ReadAsync(string accountId, string siteId, CancellationToken ct)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(accountId, SiteHealthRow.RowKey(siteId), cancellationToken: ct);
        return row.HasValue ? (SiteHealthRow.FromEntity(row.Value!), row.Value!.ETag) : (SiteHealthState.Initial, null);
    }

    public async Task<SiteHealthState?> ReadSiteAsync(string accountId, string siteId, CancellationToken cancellationToken)
    {
        var (state, etag) = await ReadAsync(accountId, siteId, cancellationToken);
        return etag is null ? null : state;
    }

    /// <summary>Commits atomically; returns the new ETag, or null when someone else changed the state first (nothing written).</summary>
    public async Task<ETag?> TryCommitAsync(
        string accountId, string siteId, SiteHealthState state, ETag? etag, IReadOnlyList<OutboxEvent> events, IReadOnlyList<HealthAuditEntry> audit, CancellationToken ct)
    {
        var entity = SiteHealthRow.ToEntity(accountId, siteId, state);
        var actions = new List<TableTransactionAction>
        {
            etag is { } e
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, e)
                : new TableTransactionAction(TableTransactionActionType.Add, entity),
        };
        actions.AddRange(outbox.EnqueueActions(events));
        actions.AddRange(audit.Select(a => new TableTransactionAction(TableTransactionActionType.UpsertReplace, HealthAuditRow.ToEntity(accountId, a))));
        try
        {
            var response = await Table.SubmitTransactionAsync(actions, ct);
            if (events.Count > 0)
            {
                outbox.Nudge();
            }

            return response.Value[0].Headers.ETag;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
        {
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return null;
        }
    }

    public async Task<IReadOnlyDictionary<string, SiteHealthState>> ReadAccountAsync(string accountId, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, SiteHealthState>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {accountId}") + " and " + SiteHealthRow.Filter;
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            result[SiteHealthRow.SiteId(row.RowKey)] = SiteHealthRow.FromEntity(row);
        }

        return result;
    }

    public async Task<IReadOnlySet<string>> DownSitesAsync(string accountId, CancellationToken cancellationToken)
    {
        var all = await ReadAccountAsync(accountId, cancellationToken);
        return all.Where(kv => kv.Value.Status == SiteHealthStatus.Down).Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<HealthAuditEntry>> AuditAsync(string accountId, int max, CancellationToken cancellationToken)
    {
        var result = new List<HealthAuditEntry>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {accountId}") + " and " + HealthAuditRow.Filter;
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            result.Add(HealthAuditRow.FromEntity(row));
            if (result.Count >= max)
            {
                break;
            }
        }

        return result;
    }
}
