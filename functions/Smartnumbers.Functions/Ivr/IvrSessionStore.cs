using Azure;
using Azure.Data.Tables;
using Smartnumbers.Core.Ivr;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Ivr;

/// <summary>
/// Dial-in sessions in Table Storage, one entity per call (PartitionKey = call id), so any instance can take the next
/// key press. Every write after the first is ETag-guarded; a session expires <see cref="DialInOptions.SessionMinutes"/>
/// after the last input. Holds no PIN.
/// </summary>
internal sealed class IvrSessionStore(TableStore store, TimeProvider time, Microsoft.Extensions.Options.IOptions<DialInOptions> options)
{
    public const string TableName = "IvrSessions";
    private const string Row = "session";

    private TableClient Table => store.Table(TableName);

    /// <summary>The live session of the call, or null when there is none or it expired.</summary>
    public async Task<StoredIvrSession?> GetAsync(string callId, CancellationToken ct)
    {
        var found = await Table.GetEntityIfExistsAsync<TableEntity>(Key(callId), Row, cancellationToken: ct);
        if (!found.HasValue || found.Value is not { } e || e.GetDateTimeOffset("ExpiresAt") is not { } expires || expires <= time.GetUtcNow())
        {
            return null;
        }

        var call = new IvrCall(callId, e.GetString("Carrier"), e.GetString("AccountId"), e.GetString("CalledNumber"), e.GetString("CallerNumber"));
        var session = new IvrSession
        {
            Step = Enum.Parse<IvrStep>(e.GetString("Step")),
            StaffId = e.GetString("StaffId"),
            Authenticated = e.GetBoolean("Authenticated") ?? false,
            Attempts = e.GetInt32("Attempts") ?? 0,
            PinFailures = e.GetInt32("PinFailures") ?? 0,
            Slot = e.GetInt32("Slot"),
            PlanId = e.GetString("PlanId"),
        };
        return new StoredIvrSession(call, session, e.ETag);
    }

    /// <summary>Starts (or restarts, when the carrier repeats the call's first request) the call's session.</summary>
    public async Task<StoredIvrSession> CreateAsync(IvrCall call, IvrSession session, CancellationToken ct)
    {
        var entity = ToEntity(call, session);
        var response = await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
        return new StoredIvrSession(call, session, response.Headers.ETag ?? ETag.All);
    }

    /// <summary>Writes the next state if nobody else wrote since <paramref name="current"/> was read; null when someone did.</summary>
    public async Task<StoredIvrSession?> SaveAsync(StoredIvrSession current, IvrSession next, CancellationToken ct)
    {
        try
        {
            var response = await Table.UpdateEntityAsync(ToEntity(current.Call, next), current.ETag, TableUpdateMode.Replace, ct);
            return current with { Session = next, ETag = response.Headers.ETag ?? ETag.All };
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>Deletes the sessions that expired before <paramref name="before"/>; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(DateTimeOffset before, CancellationToken ct)
    {
        var purged = 0;
        await foreach (var e in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"ExpiresAt lt {before}"), select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            if (await OptimisticRow.DeleteIfUnchangedAsync(Table, e, ct)) // A session renewed meanwhile stays.
            {
                purged++;
            }
        }

        return purged;
    }

    public async Task DeleteAsync(string callId, CancellationToken ct)
    {
        try
        {
            await Table.DeleteEntityAsync(Key(callId), Row, ETag.All, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone.
        }
    }

    private TableEntity ToEntity(IvrCall call, IvrSession s) => new(Key(call.CallId), Row)
    {
        ["Carrier"] = call.Carrier,
        ["AccountId"] = call.AccountId,
        ["CalledNumber"] = call.CalledNumber,
        ["CallerNumber"] = call.CallerNumber,
        ["Step"] = s.Step.ToString(),
        ["StaffId"] = s.StaffId,
        ["Authenticated"] = s.Authenticated,
        ["Attempts"] = s.Attempts,
        ["PinFailures"] = s.PinFailures,
        ["Slot"] = s.Slot,
        ["PlanId"] = s.PlanId,
        ["ExpiresAt"] = time.GetUtcNow() + options.Value.SessionLifetime,
    };

    /// <summary>Call ids are carrier-made; characters Table Storage refuses in keys are escaped.</summary>
    private static string Key(string callId)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        return Uri.EscapeDataString(callId).Replace('%', '~');
    }
}
