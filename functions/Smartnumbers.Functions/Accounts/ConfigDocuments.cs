using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Smartnumbers.Core.Configuration;

namespace Smartnumbers.Functions.Accounts;

/// <summary>
/// Typed reads and writes of the configuration documents. Every write is conditional on <c>ifMatch</c> when given
/// (an ETag, or "*" for "must exist"), refuses when the account does not exist, bumps the account's version and
/// appends exactly one audit row, all in one transaction. The call path sees the change through <see cref="ISnapshotProvider"/>.
/// </summary>
internal sealed class ConfigDocuments(ConfigStore store, NumberIndex index, ISnapshotProvider snapshots)
{
    public ConfigStore Store => store;

    public async Task<(T Document, string ETag)?> GetAsync<T>(string account, string rowKey, JsonTypeInfo<T> type, CancellationToken ct)
    {
        var row = await store.GetAsync(account, rowKey, ct);
        return row?.Json is { } json ? (JsonSerializer.Deserialize(json, type)!, row.ETag.ToString()) : null;
    }

    public async Task<IReadOnlyList<(string Id, T Document, string ETag)>> ListAsync<T>(string account, string prefix, JsonTypeInfo<T> type, CancellationToken ct)
    {
        var rows = await store.ListAsync(account, prefix, ct);
        return rows.Where(r => r.Json is not null)
            .Select(r => (r.RowKey[prefix.Length..], JsonSerializer.Deserialize(r.Json!, type)!, r.ETag.ToString()))
            .ToList();
    }

    /// <summary>Every account's document at <paramref name="rowKey"/> (a scan: for timers), as (account, document).</summary>
    public async Task<IReadOnlyList<(string Account, T Document)>> AcrossAccountsAsync<T>(string rowKey, JsonTypeInfo<T> type, CancellationToken ct) =>
        (await store.AcrossAccountsAsync(rowKey, ct)).Where(r => r.Row.Json is not null)
            .Select(r => (r.Account, JsonSerializer.Deserialize(r.Row.Json!, type)!)).ToList();

    public async Task<bool> AccountExistsAsync(string account, CancellationToken ct) =>
        await store.GetVersionAsync(account, ct) is not null;

    /// <summary>PUT of the account document (creates the account).</summary>
    public Task<WriteResult> PutAccountAsync(string account, AccountSettings settings, string? ifMatch, AuditActor actor, CancellationToken ct) =>
        PutAsync(account, ConfigRows.Account, settings, ConfigJsonContext.Web.AccountSettings, ifMatch, actor, "account", ct);

    /// <summary>PUT of a number: claims it in the number index first (409 when another account owns it).</summary>
    public async Task<WriteResult> PutNumberAsync(string account, string e164, NumberConfig number, string? ifMatch, AuditActor actor, CancellationToken ct)
    {
        if (!await AccountExistsAsync(account, ct))
        {
            return Refused(WriteOutcome.NotFound, "The account does not exist.");
        }

        var existed = await store.GetAsync(account, ConfigRows.Number(e164), ct) is not null;
        if (!await index.ClaimAsync(e164, account, ct))
        {
            return Refused(WriteOutcome.Conflict, "The number belongs to another account.", "e164");
        }

        var result = await PutAsync(account, ConfigRows.Number(e164), number, ConfigJsonContext.Web.NumberConfig, ifMatch, actor, "numbers/" + e164, ct);
        if (result.Outcome != WriteOutcome.Done && !existed)
        {
            await index.ReleaseAsync(e164, account, ct);
        }

        return result;
    }

    public async Task<WriteResult> DeleteNumberAsync(string account, string e164, string? ifMatch, AuditActor actor, CancellationToken ct)
    {
        var result = await DeleteAsync(account, ConfigRows.Number(e164), ifMatch, actor, "numbers/" + e164, ct);
        if (result.Outcome == WriteOutcome.Done)
        {
            await index.ReleaseAsync(e164, account, ct);
        }

        return result;
    }

    /// <summary>Creates or replaces one document row.</summary>
    /// <param name="auditView">When given, what the audit row keeps of the stored JSON before and after (secrets left out).</param>
    public async Task<WriteResult> PutAsync<T>(string account, string rowKey, T document, JsonTypeInfo<T> type, string? ifMatch, AuditActor actor, string resource, CancellationToken ct, Func<string, string>? auditView = null)
    {
        var json = JsonSerializer.Serialize(document, type);
        string? Audited(string? stored) => stored is null || auditView is null ? stored : auditView(stored);
        var isAccount = rowKey == ConfigRows.Account;
        var result = await store.WriteAsync(account, isAccount ? [rowKey] : [rowKey, ConfigRows.Account], rows =>
        {
            var current = rows[rowKey];
            if (!isAccount && rows[ConfigRows.Account] is null)
            {
                return ConfigChange.Refuse(WriteOutcome.NotFound, "The account does not exist.");
            }

            return Precondition(current, ifMatch) ?? new ConfigChange
            {
                Rows = [new RowChange(rowKey, json)],
                Action = "PUT",
                Resource = resource,
                Before = Audited(current?.Json),
                After = Audited(json),
            };
        }, actor, ct);
        return await AfterWriteAsync(account, result, ct);
    }

    /// <summary>Deletes one document row (404 when absent).</summary>
    /// <param name="auditView">When given, what the audit row keeps of the deleted JSON (secrets left out).</param>
    public async Task<WriteResult> DeleteAsync(string account, string rowKey, string? ifMatch, AuditActor actor, string resource, CancellationToken ct, Func<string, string>? auditView = null)
    {
        var result = await store.WriteAsync(account, [rowKey], rows =>
        {
            var current = rows[rowKey];
            return current is null
                ? ConfigChange.Refuse(WriteOutcome.NotFound, "Not found.")
                : Precondition(current, ifMatch) ?? new ConfigChange
                {
                    Rows = [RowChange.Remove(rowKey)],
                    Action = "DELETE",
                    Resource = resource,
                    Before = auditView is null || current.Json is null ? current.Json : auditView(current.Json),
                };
        }, actor, ct);
        return await AfterWriteAsync(account, result, ct);
    }

    /// <summary>Any other transactional change (plan state, imports); the caller decides from the rows it names.</summary>
    public async Task<WriteResult> WriteAsync(string account, IReadOnlyList<string> readKeys, Func<IReadOnlyDictionary<string, StoredRow?>, ConfigChange> decide, AuditActor actor, CancellationToken ct) =>
        await AfterWriteAsync(account, await store.WriteAsync(account, readKeys, decide, actor, ct), ct);

    /// <summary>412 when <paramref name="ifMatch"/> does not match the current row; null when the write may go on.</summary>
    public static ConfigChange? Precondition(StoredRow? current, string? ifMatch) => ifMatch switch
    {
        null => null,
        "*" when current is not null => null,
        _ when current is not null && string.Equals(current.ETag.ToString(), ifMatch, StringComparison.Ordinal) => null,
        _ => ConfigChange.Refuse(WriteOutcome.PreconditionFailed, "If-Match does not match the current ETag of the resource.", "If-Match"),
    };

    private async Task<WriteResult> AfterWriteAsync(string account, WriteResult result, CancellationToken ct)
    {
        if (result.Outcome == WriteOutcome.Done && result.Change.BumpVersion)
        {
            // This instance sees its own change at once; others within SnapshotOptions.FreshFor of their next call.
            await snapshots.RefreshAsync(account, ct);
        }

        return result;
    }

    private static WriteResult Refused(WriteOutcome outcome, string detail, string? field = null) =>
        new(outcome, new Dictionary<string, Azure.ETag>(), 0, ConfigChange.Refuse(outcome, detail, field));
}
