using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Ivr;

/// <summary>
/// Wrong-PIN counters and locks per caller number and per staff record (table <c>IvrLockouts</c>, partition = account).
/// <see cref="DialInOptions.MaxPinFailures"/> wrong PINs within <see cref="DialInOptions.FailureWindowMinutes"/> lock
/// the subject for <see cref="DialInOptions.LockoutMinutes"/>. Counters are ETag-guarded, so concurrent calls count exactly.
/// </summary>
internal sealed class PinLockouts(TableStore store, TimeProvider time, IOptions<DialInOptions> options)
{
    public const string TableName = "IvrLockouts";
    private TableClient Table => store.Table(TableName);

    /// <summary>True when the caller or the staff record is locked now.</summary>
    public async Task<bool> IsLockedAsync(IvrCall call, string staffId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var (subject, key) in Subjects(call, staffId))
        {
            var found = await Table.GetEntityIfExistsAsync<TableEntity>(call.AccountId, RowKey(subject, key), cancellationToken: ct);
            if (found.HasValue && found.Value!.GetDateTimeOffset("LockedUntil") is { } until && until > now)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Counts a wrong PIN against the caller and the staff id; returns the locks it started.</summary>
    public async Task<IReadOnlyList<PinLockoutBegan>> RecordFailureAsync(IvrCall call, string staffId, CancellationToken ct)
    {
        var began = new List<PinLockoutBegan>();
        foreach (var (subject, key) in Subjects(call, staffId))
        {
            if (await CountAsync(call.AccountId, subject, key, ct) is { } until)
            {
                began.Add(new PinLockoutBegan(call.AccountId, subject, key, until));
            }
        }

        return began;
    }

    /// <summary>A correct PIN clears the staff record's count (never the caller's: one good PIN must not buy more guesses at others).</summary>
    public async Task ClearStaffAsync(string accountId, string staffId, CancellationToken ct)
    {
        try
        {
            await Table.DeleteEntityAsync(accountId, RowKey(PinLockoutSubject.Staff, staffId), ETag.All, ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Nothing counted.
        }
    }

    /// <summary>
    /// Deletes the rows that no longer count for anything at <paramref name="before"/>: a failure window that ended and
    /// no lock after it (such a row would be reset by the next failure anyway). Returns how many.
    /// </summary>
    public async Task<int> PurgeSpentAsync(DateTimeOffset before, CancellationToken ct)
    {
        var purged = 0;
        var filter = TableClient.CreateQueryFilter($"WindowStart lt {before - options.Value.FailureWindow}");
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            if (e.GetDateTimeOffset("LockedUntil") is { } until && until >= before)
            {
                continue;
            }

            if (await OptimisticRow.DeleteIfUnchangedAsync(Table, e, ct)) // A failure counted meanwhile stays.
            {
                purged++;
            }
        }

        return purged;
    }

    private async Task<DateTimeOffset?> CountAsync(string accountId, PinLockoutSubject subject, string key, CancellationToken ct)
    {
        var o = options.Value;
        DateTimeOffset? began = null;
        await OptimisticRow.UpdateAsync(Table, accountId, RowKey(subject, key), entity =>
        {
            var now = time.GetUtcNow();
            var lockedUntil = entity.GetDateTimeOffset("LockedUntil");
            if (lockedUntil is { } l && l > now)
            {
                began = null;
                return false; // Already locked; the lock does not grow.
            }

            var windowStart = entity.GetDateTimeOffset("WindowStart");
            var failures = OptimisticRow.Int(entity, "Failures");
            if (windowStart is not { } w || w + o.FailureWindow <= now || lockedUntil is not null)
            {
                failures = 0;
                windowStart = now;
            }

            failures++;
            began = failures >= o.MaxPinFailures ? now + o.Lockout : null;
            entity["Failures"] = began is null ? failures : 0;
            entity["WindowStart"] = windowStart;
            entity["LockedUntil"] = began;
            return true;
        }, TimeProvider.System, ct); // The clock only spaces retries after a lost race.
        return began;
    }

    private static IEnumerable<(PinLockoutSubject Subject, string Key)> Subjects(IvrCall call, string staffId) =>
        [(PinLockoutSubject.Caller, call.CallerKey), (PinLockoutSubject.Staff, staffId)];

    private static string RowKey(PinLockoutSubject subject, string key) =>
        (subject == PinLockoutSubject.Caller ? "caller~" : "staff~") + Uri.EscapeDataString(key).Replace('%', '~');
}
