using System.Globalization;
using System.Text.Json;
using Smartnumbers.Core.Risk;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Events;

namespace Smartnumbers.Functions.Models;

/// <summary>
/// Reads and changes an account's <see cref="ModelRegistry"/> (row <see cref="ModelRows.Registry"/>) and its versions.
/// Every change commits the registry, the version row, the audit row and (promote, roll back) the CloudEvent in one
/// transaction, and bumps the account's version so that every instance's scoring picks it up with its next snapshot check.
/// </summary>
internal sealed class ModelStore(ConfigDocuments documents, TimeProvider time)
{
    private static readonly ModelJsonContext Json = ModelJsonContext.Default;

    /// <summary>The registry and its ETag (null when no refit has been made: the default weights are live).</summary>
    public async Task<(ModelRegistry Registry, string? ETag)> RegistryAsync(string account, CancellationToken ct)
    {
        var row = await documents.Store.GetAsync(account, ModelRows.Registry, ct);
        return (Read(row), row?.ETag.ToString());
    }

    /// <summary>The registry in <paramref name="row"/>; <see cref="ModelRegistry.Empty"/> when there is none.</summary>
    public static ModelRegistry Read(StoredRow? row) =>
        row?.Json is { } json ? JsonSerializer.Deserialize(json, Json.ModelRegistry) ?? ModelRegistry.Empty : ModelRegistry.Empty;

    public async Task<StoredModel?> VersionAsync(string account, int version, CancellationToken ct) =>
        await documents.Store.GetAsync(account, ModelRows.Version(version), ct) is { Json: { } json } ? JsonSerializer.Deserialize(json, Json.StoredModel) : null;

    /// <summary>Every version a refit made, oldest first.</summary>
    public async Task<IReadOnlyList<StoredModel>> VersionsAsync(string account, CancellationToken ct) =>
        [.. (await documents.Store.ListAsync(account, ModelRows.VersionPrefix, ct)).Where(r => r.Json is not null)
            .Select(r => JsonSerializer.Deserialize(r.Json!, Json.StoredModel)!).OrderBy(m => m.Version)];

    /// <summary>Stores <paramref name="model"/> as the new candidate, replacing any earlier one; answers it with its version filled in.</summary>
    public async Task<(WriteResult Result, StoredModel Stored)> StoreCandidateAsync(string account, StoredModel model, AuditActor actor, CancellationToken ct)
    {
        var stored = model;
        var result = await documents.WriteAsync(account, [ModelRows.Registry], rows =>
        {
            var before = Read(rows[ModelRows.Registry]);
            var after = before.WithCandidate(model.Model, model.Evaluation!);
            stored = model with { Version = after.LastVersion, ComparedWithVersion = before.LiveVersion };
            var storedJson = JsonSerializer.Serialize(stored, Json.StoredModel);
            return new ConfigChange
            {
                Rows = [new RowChange(ModelRows.Registry, JsonSerializer.Serialize(after, Json.ModelRegistry)), new RowChange(ModelRows.Version(stored.Version), storedJson)],
                Action = "POST",
                Resource = "model:refit",
                After = storedJson,
                Note = string.Create(CultureInfo.InvariantCulture, $"candidate version {stored.Version}; live version {before.LiveVersion} unchanged"),
            };
        }, actor, ct);
        return (result, stored);
    }

    /// <summary>The candidate goes live (see <see cref="ModelRegistry.Promote"/>); raises Smartnumbers.Model.Promoted.</summary>
    public Task<WriteResult> PromoteAsync(string account, string ifMatch, bool force, AuditActor actor, CancellationToken ct) =>
        ChangeAsync(account, ifMatch, "model:promote", SmartnumbersEventTypes.ModelPromoted, actor,
            before => before.Promote(force, time.GetUtcNow(), actor.Who), ct);

    /// <summary>An earlier version goes live (see <see cref="ModelRegistry.RollBack"/>); raises Smartnumbers.Model.RolledBack.</summary>
    public async Task<WriteResult> RollBackAsync(string account, int version, string ifMatch, AuditActor actor, CancellationToken ct)
    {
        var target = version == 0 ? null : await VersionAsync(account, version, ct);
        return await ChangeAsync(account, ifMatch, "model:rollback", SmartnumbersEventTypes.ModelRolledBack, actor,
            before => before.RollBack(version, target?.Model, time.GetUtcNow(), actor.Who), ct);
    }

    private Task<WriteResult> ChangeAsync(string account, string ifMatch, string resource, string eventType, AuditActor actor, Func<ModelRegistry, ModelChange> step, CancellationToken ct) =>
        documents.WriteAsync(account, [ModelRows.Registry], rows =>
        {
            var row = rows[ModelRows.Registry];
            if (ConfigDocuments.Precondition(row, ifMatch) is { } refused)
            {
                return refused;
            }

            var before = Read(row);
            var change = step(before);
            if (change.Registry is not { } after)
            {
                return ConfigChange.Refuse(WriteOutcome.Conflict, change.Refusal!, resource == "model:promote" ? "force" : "version");
            }

            var last = after.History[^1];
            var data = new ModelEventData(last.Version, last.PreviousVersion, actor.Who, last.Forced, resource == "model:promote" ? before.CandidateEvaluation : null);
            return new ConfigChange
            {
                Rows = [new RowChange(ModelRows.Registry, JsonSerializer.Serialize(after, Json.ModelRegistry))],
                Action = "POST",
                Resource = resource,
                Before = JsonSerializer.Serialize(before with { History = [] }, Json.ModelRegistry),
                After = JsonSerializer.Serialize(data, Json.ModelEventData),
                Note = string.Create(CultureInfo.InvariantCulture, $"live version {before.LiveVersion} → {after.LiveVersion}{(last.Forced ? " (forced)" : "")}"),
                Events = accountVersion => [OutboxEvent.Create(
                    string.Create(CultureInfo.InvariantCulture, $"{eventType}:{account}:v{accountVersion}"), eventType, account, "model",
                    last.At, data, Json.ModelEventData)],
            };
        }, actor, ct);
}
