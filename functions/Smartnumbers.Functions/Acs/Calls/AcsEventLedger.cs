using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Caching.Memory;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Acs.Calls;

/// <summary>
/// At-least-once deliveries made harmless: an IncomingCall event id is claimed once — first in a bounded in-memory
/// cache (this instance), then by inserting a row in table "AcsEvents" (every instance; a 409 means another
/// delivery already took it). A claim is released when the work failed, so Event Grid's retry can try again.
/// </summary>
public sealed class AcsEventLedger(TableStore tables) : IDisposable
{
    public const string TableName = "AcsEvents";
    private readonly MemoryCache _seen = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    private TableClient Table => tables.Table(TableName);

    /// <summary>True when this delivery is the first to claim <paramref name="eventId"/>.</summary>
    public async Task<bool> TryClaimAsync(string eventId, CancellationToken ct)
    {
        if (!TryClaimLocal("e:" + eventId))
        {
            return false;
        }

        try
        {
            await Table.AddEntityAsync(new TableEntity(TableKey.For(eventId), ""), ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>In-memory only: for callbacks, whose state transitions already make duplicates harmless.</summary>
    public bool TryClaimLocal(string key)
    {
        var fresh = false;
        _seen.GetOrCreate(key, entry =>
        {
            fresh = true;
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            return true;
        });
        return fresh;
    }

    public async Task ReleaseAsync(string eventId, CancellationToken ct)
    {
        _seen.Remove("e:" + eventId);
        try
        {
            await Table.DeleteEntityAsync(TableKey.For(eventId), "", ETag.All, ct);
        }
        catch (RequestFailedException)
        {
            // Best effort: the row then only blocks a retry of a call that already failed.
        }
    }

    public void Dispose() => _seen.Dispose();
}
