using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Scheduling;
using Smartnumbers.Functions.Accounts;

namespace Smartnumbers.Functions.Scheduling;

/// <summary>
/// Scheduled plan switches of an account: entries are documents in the account's configuration partition (row
/// "~schedule|{id}", off the call path), written with their audit row; each half also has a row in the
/// <see cref="ScheduleDueIndex"/>. <see cref="FireDueAsync"/> fires what is due through <see cref="IRoutingControl"/>.
/// </summary>
internal sealed partial class PlanSchedules(
    ConfigDocuments documents,
    IRoutingControl routing,
    ScheduleDueIndex index,
    [FromKeyedServices(SchedulingApi.ClockKey)] TimeProvider time,
    ILogger<PlanSchedules> log)
{
    private static ConfigJsonContext Json => ConfigJsonContext.Web;

    /// <summary>Creates an entry; field errors (times, plan), or the write's refusal.</summary>
    public async Task<(PlanSchedule? Entry, IReadOnlyList<FieldError> Errors, WriteOutcome Outcome)> CreateAsync(
        string account, ScheduleRequest request, AuditActor actor, CancellationToken ct)
    {
        if (await documents.GetAsync(account, ConfigRows.Account, Json.AccountSettings, ct) is not { } settings)
        {
            return (null, [], WriteOutcome.NotFound);
        }

        var zone = settings.Document.TimeZone;
        var (activateAt, activateError) = ScheduleTime.Parse(request.ActivateAt, zone, "activateAt");
        var (deactivateAt, deactivateError) = request.DeactivateAt is null ? (null, null) : ScheduleTime.Parse(request.DeactivateAt, zone, "deactivateAt");
        List<FieldError> errors = [.. new[] { activateError, deactivateError }.OfType<FieldError>()];
        if (!AccountIds.IsValid(request.Plan))
        {
            errors.Add(new("plan", "must be a plan id: 1–40 of a-z, 0-9 and '-'."));
        }

        if (errors.Count > 0)
        {
            return (null, errors, WriteOutcome.Invalid);
        }

        var now = time.GetUtcNow();
        var entry = new PlanSchedule
        {
            Id = NewId(activateAt!.Value),
            Plan = request.Plan,
            Activation = new ScheduledSwitch(ScheduleTime.InZone(activateAt.Value, zone)),
            Deactivation = deactivateAt is { } d ? new ScheduledSwitch(ScheduleTime.InZone(d, zone)) : null,
            Note = request.Note,
            CreatedBy = actor.Who,
            CreatedAt = now,
        };
        var (state, _) = await routing.GetPlanStateAsync(account, ct);
        if (entry.Validate(state, now) is { Count: > 0 } invalid)
        {
            return (null, invalid, WriteOutcome.Invalid);
        }

        // The index first: a row without its entry fires nothing, an entry without its row would never fire.
        await index.AddAsync(entry.Activation.At, account, entry.Id, "activate", ct);
        if (entry.Deactivation is { } deactivation)
        {
            await index.AddAsync(deactivation.At, account, entry.Id, "deactivate", ct);
        }

        var key = ConfigRows.Schedule(entry.Id);
        var json = JsonSerializer.Serialize(entry, Json.PlanSchedule);
        var result = await documents.WriteAsync(account, [ConfigRows.Account, key], rows => rows[ConfigRows.Account] is null
            ? ConfigChange.Refuse(WriteOutcome.NotFound, "The account does not exist.")
            : new ConfigChange { Rows = [new RowChange(key, json)], Action = "PUT", Resource = "schedules/" + entry.Id, After = json, BumpVersion = false },
            actor, ct);
        return (result.Outcome == WriteOutcome.Done ? entry : null, [], result.Outcome);
    }

    /// <summary>Every entry of the account, by activation time.</summary>
    public async Task<IReadOnlyList<PlanSchedule>> ListAsync(string account, CancellationToken ct) =>
        (await documents.ListAsync(account, ConfigRows.SchedulePrefix, Json.PlanSchedule, ct)).Select(e => e.Document).OrderBy(e => e.Activation.At).ToList();

    public async Task<PlanSchedule?> GetAsync(string account, string id, CancellationToken ct) =>
        (await documents.GetAsync(account, ConfigRows.Schedule(id), Json.PlanSchedule, ct))?.Document;

    /// <summary>Cancels the halves still pending (404: no such entry; 409: nothing left to cancel).</summary>
    public async Task<(PlanSchedule? Entry, WriteResult Result)> CancelAsync(string account, string id, AuditActor actor, CancellationToken ct)
    {
        var key = ConfigRows.Schedule(id);
        PlanSchedule? cancelled = null;
        var result = await documents.WriteAsync(account, [key], rows =>
        {
            if (rows[key]?.Json is not { } json)
            {
                return ConfigChange.Refuse(WriteOutcome.NotFound, "The schedule entry does not exist.");
            }

            cancelled = JsonSerializer.Deserialize(json, Json.PlanSchedule)!.Cancel(actor.Who, time.GetUtcNow());
            return cancelled is null
                ? ConfigChange.Refuse(WriteOutcome.Conflict, "Nothing of the entry is pending: it has fired, been skipped or been cancelled.")
                : new ConfigChange
                {
                    Rows = [new RowChange(key, JsonSerializer.Serialize(cancelled, Json.PlanSchedule))],
                    Action = "cancel",
                    Resource = "schedules/" + id,
                    Before = json,
                    After = JsonSerializer.Serialize(cancelled, Json.PlanSchedule),
                    BumpVersion = false,
                };
        }, actor, ct);
        return (cancelled, result);
    }

    /// <summary>
    /// Fires every half due now, earliest first, each exactly once however many instances run this at the same time:
    /// the entry and the plan state commit together under their ETags. An index row is removed once its entry has
    /// nothing due (fired here, by another instance, cancelled or gone); a storage failure leaves it for the next run.
    /// </summary>
    public async Task<IReadOnlyList<ScheduleFiring>> FireDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var fired = new List<ScheduleFiring>();
        foreach (var due in await index.DueAsync(now, ct))
        {
            try
            {
                var firing = await routing.FireScheduledAsync(due.Account, due.EntryId, now, ct);
                if (firing is { Kind: not ScheduleFiringKind.NothingDue })
                {
                    fired.Add(firing);
                    LogFired(log, due.Account, due.EntryId, firing.Detail);
                }

                await index.RemoveAsync(due.RowKey, ct);
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or InvalidOperationException)
            {
                LogFireFailed(log, ex, due.Account, due.EntryId);
            }
        }

        return fired;
    }

    /// <summary>"20270326-1700-3f2a9c": the activation (UTC) then a random tail; sorts by time.</summary>
    private static string NewId(DateTimeOffset activateAt) =>
        activateAt.UtcDateTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {Account}/{Entry}: {Detail}")]
    private static partial void LogFired(ILogger logger, string account, string entry, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule {Account}/{Entry} could not fire; the next run retries")]
    private static partial void LogFireFailed(ILogger logger, Exception ex, string account, string entry);
}
