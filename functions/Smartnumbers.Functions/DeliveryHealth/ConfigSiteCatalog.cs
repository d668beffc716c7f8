using Azure.Data.Tables;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Storage;
using System.Text.Json;

namespace Smartnumbers.Functions.DeliveryHealth;

/// <summary>
/// Every site of every account, from the configuration table's "site|…" rows (one range-filtered scan of the table
/// per round; fine for thousands of sites; an index table would replace it beyond that).
/// </summary>
internal sealed class ConfigSiteCatalog(TableStore store) : ISiteCatalog
{
    public async Task<IReadOnlyList<SiteToProbe>> ListAsync(CancellationToken cancellationToken)
    {
        var sites = new List<SiteToProbe>();
        var filter = TableClient.CreateQueryFilter($"RowKey ge {ConfigRows.SitePrefix} and RowKey lt {ConfigRows.PrefixEnd(ConfigRows.SitePrefix)}");
        await foreach (var row in store.Table(ConfigRows.Table).QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (DocumentColumns.Read(row, DocumentColumns.Json) is { } json
                && JsonSerializer.Deserialize(json, ConfigJsonContext.Web.Site) is { } site)
            {
                sites.Add(new SiteToProbe(row.PartitionKey, row.RowKey[ConfigRows.SitePrefix.Length..], site));
            }
        }

        return sites;
    }
}
