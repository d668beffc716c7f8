using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Smartnumbers.Functions.Accounts;

namespace Smartnumbers.Functions.ApiKeys;

/// <summary>
/// The account's API keys, rows "~key|{id}" of its config partition (out of the call path's snapshot): Name, Role,
/// Hash (SHA-256 of the secret, hex), CreatedAt, Revoked, RevokedAt. Issuing and revoking are audited.
/// </summary>
internal sealed class ApiKeyStore(ConfigDocuments documents, IOptionsMonitor<AdminOptions> options, TimeProvider time)
{
    /// <summary>The caller a bearer token stands for, or null when it is not a valid, unrevoked key.</summary>
    public async Task<AdminCaller?> AuthenticateAsync(string token, CancellationToken ct)
    {
        if (options.CurrentValue.BootstrapKey is { Length: > 0 } bootstrap
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(token)), SHA256.HashData(Encoding.UTF8.GetBytes(bootstrap))))
        {
            return new AdminCaller(AdminCaller.BootstrapId, ApiKeyRole.Admin, null);
        }

        if (ApiKeyToken.Parse(token) is not { } key || !AccountIds.IsValid(key.Account))
        {
            return null;
        }

        var row = await documents.Store.GetAsync(key.Account, ConfigRows.Key(key.Id), ct);
        if (row is null || row.Entity.GetBoolean("Revoked") == true || row.Entity.GetString("Hash") is not { } hash
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(ApiKeyToken.HashSecret(key.Secret)))
            || !Enum.TryParse<ApiKeyRole>(row.Entity.GetString("Role"), ignoreCase: true, out var role))
        {
            return null;
        }

        return new AdminCaller(key.Id, role, key.Account);
    }

    /// <summary>Issues a key; the returned token is the only time the key exists in clear.</summary>
    public async Task<(WriteResult Result, ApiKeyToken Token)> CreateAsync(string account, ApiKeyRole role, string name, AuditActor actor, CancellationToken ct)
    {
        var token = ApiKeyToken.New(account);
        var rowKey = ConfigRows.Key(token.Id);
        var info = new ApiKeyInfo(token.Id, name, role, time.GetUtcNow(), false, null);
        var result = await documents.WriteAsync(account, [ConfigRows.Account, rowKey], rows =>
            rows[ConfigRows.Account] is null
                ? ConfigChange.Refuse(WriteOutcome.NotFound, "The account does not exist.")
                : new ConfigChange
                {
                    Rows = [new RowChange(rowKey, null) { Properties = Properties(info, ApiKeyToken.HashSecret(token.Secret)) }],
                    Action = "POST",
                    Resource = "keys/" + token.Id,
                    After = JsonSerializer.Serialize(info, AdminKeyJsonContext.Web.ApiKeyInfo),
                    BumpVersion = false,
                }, actor, ct);
        return (result, token);
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(string account, CancellationToken ct) =>
        (await documents.Store.ListAsync(account, ConfigRows.KeyPrefix, ct)).Select(r => Info(r.Entity)).ToList();

    /// <summary>Revokes the key at once (404 when unknown or already revoked).</summary>
    public Task<WriteResult> RevokeAsync(string account, string id, AuditActor actor, CancellationToken ct)
    {
        var rowKey = ConfigRows.Key(id);
        return documents.WriteAsync(account, [rowKey], rows =>
        {
            if (rows[rowKey] is not { } row || row.Entity.GetBoolean("Revoked") == true)
            {
                return ConfigChange.Refuse(WriteOutcome.NotFound, "No such key.");
            }

            var before = Info(row.Entity);
            var after = before with { Revoked = true, RevokedAt = time.GetUtcNow() };
            return new ConfigChange
            {
                Rows = [new RowChange(rowKey, null) { Properties = Properties(after, row.Entity.GetString("Hash") ?? "") }],
                Action = "DELETE",
                Resource = "keys/" + id,
                Before = JsonSerializer.Serialize(before, AdminKeyJsonContext.Web.ApiKeyInfo),
                After = JsonSerializer.Serialize(after, AdminKeyJsonContext.Web.ApiKeyInfo),
                BumpVersion = false,
            };
        }, actor, ct);
    }

    private static Dictionary<string, object> Properties(ApiKeyInfo info, string hash)
    {
        var p = new Dictionary<string, object>
        {
            ["Name"] = info.Name,
            ["Role"] = info.Role.ToString().ToLowerInvariant(),
            ["Hash"] = hash,
            ["CreatedAt"] = info.CreatedAt,
            ["Revoked"] = info.Revoked,
        };
        if (info.RevokedAt is { } at)
        {
            p["RevokedAt"] = at;
        }

        return p;
    }

    private static ApiKeyInfo Info(TableEntity e) => new(
        e.RowKey[ConfigRows.KeyPrefix.Length..],
        e.GetString("Name") ?? "",
        Enum.TryParse<ApiKeyRole>(e.GetString("Role"), true, out var role) ? role : ApiKeyRole.Viewer,
        e.GetDateTimeOffset("CreatedAt") ?? default,
        e.GetBoolean("Revoked") ?? false,
        e.GetDateTimeOffset("RevokedAt"));
}
