using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Acs.Calls;

/// <summary>Per-call state in table "AcsCalls" (PartitionKey = call id, RowKey "call"), every change ETag-guarded.</summary>
public sealed class AcsCallStore(TableStore tables)
{
    public const string TableName = "AcsCalls";
    private const string Row = "call";

    private TableClient Table => tables.Table(TableName);

    /// <summary>Writes a new call's state (replacing a left-over of an earlier, failed attempt for the same event).</summary>
    public async Task<ETag> PutAsync(AcsCallState state, CancellationToken ct)
    {
        var response = await Table.UpsertEntityAsync(ToEntity(state), TableUpdateMode.Replace, ct);
        return response.Headers.ETag ?? default;
    }

    public async Task<(AcsCallState State, ETag ETag)?> GetAsync(string callId, CancellationToken ct)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(callId, Row, cancellationToken: ct);
        if (!response.HasValue || response.Value is null)
        {
            return null;
        }

        var state = JsonSerializer.Deserialize(response.Value.GetString("State"), AcsCallJsonContext.Default.AcsCallState);
        return state is null ? null : (state, response.Value.ETag);
    }

    /// <summary>False when someone else changed the call since <paramref name="etag"/> (reload and re-apply).</summary>
    public async Task<bool> TryReplaceAsync(AcsCallState state, ETag etag, CancellationToken ct)
    {
        try
        {
            await Table.UpdateEntityAsync(ToEntity(state), etag, TableUpdateMode.Replace, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    private static TableEntity ToEntity(AcsCallState s) => new(s.CallId, Row)
    {
        ["State"] = JsonSerializer.Serialize(s, AcsCallJsonContext.Default.AcsCallState),
        ["Phase"] = s.Phase.ToString(),
        ["CallConnectionId"] = s.CallConnectionId,
        ["Outcome"] = s.Outcome,
    };
}
