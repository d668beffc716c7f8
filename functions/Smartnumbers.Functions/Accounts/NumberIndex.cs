using Azure;
using Azure.Data.Tables;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Accounts;

/// <summary>
/// Called number (E.164) → owning account, table <see cref="ConfigRows.NumberIndexTable"/>: PartitionKey = the number,
/// RowKey = "", property Account. A number belongs to at most one account.
/// </summary>
internal sealed class NumberIndex(TableStore store)
{
    private const string AccountProperty = "Account";

    private TableClient Table => store.Table(ConfigRows.NumberIndexTable);

    public async Task<string?> FindAccountAsync(string e164, CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(e164, "", [AccountProperty], ct);
        return response.HasValue ? response.Value!.GetString(AccountProperty) : null;
    }

    /// <summary>Claims the number for the account. False when another account owns it.</summary>
    public async Task<bool> ClaimAsync(string e164, string account, CancellationToken ct)
    {
        try
        {
            await Table.AddEntityAsync(new TableEntity(e164, "") { [AccountProperty] = account }, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var owner = await FindAccountAsync(e164, ct);
            return owner is null
                ? await ClaimIfFreeAsync(e164, account, ct)
                : string.Equals(owner, account, StringComparison.Ordinal);
        }
    }

    /// <summary>Releases the number if the account still owns it.</summary>
    public async Task ReleaseAsync(string e164, string account, CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(e164, "", cancellationToken: ct);
        if (response.HasValue && string.Equals(response.Value!.GetString(AccountProperty), account, StringComparison.Ordinal))
        {
            await OptimisticRow.DeleteIfUnchangedAsync(Table, response.Value, ct); // False when gone or re-claimed meanwhile.
        }
    }

    private async Task<bool> ClaimIfFreeAsync(string e164, string account, CancellationToken ct)
    {
        // The row vanished between our add and read (a release raced us): try once more.
        try
        {
            await Table.AddEntityAsync(new TableEntity(e164, "") { [AccountProperty] = account }, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return string.Equals(await FindAccountAsync(e164, ct), account, StringComparison.Ordinal);
        }
    }
}
