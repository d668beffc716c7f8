using Azure;
using Microsoft.Extensions.Options;
using Smartnumbers.Core.Health;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.DeliveryHealth.Failover;
using Smartnumbers.Functions.DeliveryHealth.Probes;
using Smartnumbers.Functions.Telemetry;

namespace Smartnumbers.Functions.DeliveryHealth;

/// <summary>
/// One round for one site: probe (all probes at once, plus recent call outcomes), feed the machine, commit with the
/// state's ETag, then carry out a pending failover or failback through <see cref="IDialPlanSwitch"/>.
/// </summary>
internal sealed partial class SiteHealthRound(
    SiteHealthStore store,
    ProbeRunner probes,
    IDestinationOutcomes outcomes,
    IDialPlanSwitch plans,
    SiteStateMirror mirror,
    IOptions<DeliveryHealthOptions> options,
    TimeProvider time,
    ILogger<SiteHealthRound> log)
{
    public async Task<SiteRoundOutcome> RunAsync(SiteToProbe site, CancellationToken ct)
    {
        var (state, etag) = await store.ReadAsync(site.AccountId, site.SiteId, ct);
        var results = await ProbeAsync(site, ct);
        return await ApplyAsync(site, state, etag, results, ct);
    }

    /// <summary>Runs the site's probes concurrently, each bounded by its own timeout.</summary>
    public async Task<IReadOnlyList<ProbeResult>> ProbeAsync(SiteToProbe site, CancellationToken ct)
    {
        var active = site.Site.Probes.Select(p => probes.RunAsync(p, ct)).ToList();
        var passive = PassiveAsync(site, ct);
        var results = (await Task.WhenAll(active)).ToList();
        if (await passive is { } signal)
        {
            results.Add(signal);
        }

        return results;
    }

    /// <summary>Feeds the results to the machine and commits (ETag-guarded), then does any pending plan switch.</summary>
    public async Task<SiteRoundOutcome> ApplyAsync(SiteToProbe site, SiteHealthState state, ETag? etag, IReadOnlyList<ProbeResult> results, CancellationToken ct)
    {
        var transitioned = false;
        if (RoundVerdict.From(results) is { } verdict)
        {
            var t = SiteHealthMachine.Observe(state, verdict, site.Site.DownAfter, site.Site.UpAfter, site.Site.FailoverPlan, time.GetUtcNow());
            etag = await CommitAsync(site, t, etag, ct);
            if (etag is null)
            {
                return new SiteRoundOutcome(site.AccountId, site.SiteId, state.Status, false, true, results);
            }

            transitioned = t.State.Status != state.Status;
            state = t.State;
            if (transitioned)
            {
                LogTransition(log, site.AccountId, site.SiteId, state.Status, verdict.Detail);
            }
        }

        await MirrorAsync(site, state, ct);
        if (state.FailoverPending || state.FailbackPending)
        {
            state = await SwitchPlanAsync(site, state, etag, ct);
        }

        return new SiteRoundOutcome(site.AccountId, site.SiteId, state.Status, transitioned, false, results);
    }

    private async Task<SiteHealthState> SwitchPlanAsync(SiteToProbe site, SiteHealthState state, ETag? etag, CancellationToken ct)
    {
        try
        {
            if (state.FailoverPending)
            {
                return await FailOverAsync(site, state, etag, ct);
            }

            var t = await FailBackAsync(site, state, ct);
            return await CommitAsync(site, t, etag, ct) is null ? state : t.State;
        }
        catch (Exception ex) when (ex is RequestFailedException or InvalidOperationException or HttpRequestException or KeyNotFoundException or ArgumentException)
        {
            // Left pending: the next round tries again.
            LogPlanSwitchFailed(log, ex, site.AccountId, site.SiteId, state.Failover!.PlanId);
            return state;
        }
    }

    /// <summary>
    /// Records what is active (prepare, committed), then switches with that version as If-Match, then records the switch.
    /// A round that switched but could not record it (412, lost answer) leaves the prepared record: the next round finds
    /// the failover plan active and records it, with the plan from before the outage still the one to restore.
    /// </summary>
    private async Task<SiteHealthState> FailOverAsync(SiteToProbe site, SiteHealthState state, ETag? etag, CancellationToken ct)
    {
        var plan = state.Failover!.PlanId;
        var current = await plans.GetActiveAsync(site.AccountId, ct);
        var active = string.Equals(current.PlanId, plan, StringComparison.Ordinal);
        if (!state.Failover.Prepared || (!active && !string.Equals(current.Version, state.Failover.VersionBeforeActivation, StringComparison.Ordinal)))
        {
            if (active)
            {
                LogFailoverPlanAlreadyActive(log, site.AccountId, site.SiteId, plan);
            }

            var prepared = SiteHealthMachine.PrepareFailover(state, active ? null : current.PlanId, current.Version);
            etag = await CommitAsync(site, prepared, etag, ct);
            if (etag is null)
            {
                return state;
            }

            state = prepared.State;
        }

        var after = active
            ? current
            : await plans.ActivateAsync(site.AccountId, plan, site.SiteId, PlanChangedData.Failover, current.Version, ct);
        if (after is null)
        {
            // Changed between our read and our switch: the next round prepares again from what is active then.
            LogPlanChangedDuringSwitch(log, site.AccountId, site.SiteId, plan);
            return state;
        }

        var done = SiteHealthMachine.CompleteFailover(state, after.Version, time.GetUtcNow());
        return await CommitAsync(site, done, etag, ct) is null ? state : done.State;
    }

    /// <summary>Hands the plan back only if the plan state is exactly as our failover left it (its ETag as If-Match).</summary>
    private async Task<SiteTransition> FailBackAsync(SiteToProbe site, SiteHealthState state, CancellationToken ct)
    {
        var failover = state.Failover!;
        var ifMatch = failover.VersionAfterActivation;
        if (!failover.Activated)
        {
            // Prepared, but the switch was never recorded: hand back only if the failover plan really is active.
            var current = await plans.GetActiveAsync(site.AccountId, ct);
            if (!string.Equals(current.PlanId, failover.PlanId, StringComparison.Ordinal))
            {
                return SiteHealthMachine.CompleteFailback(state, FailbackOutcome.NoFailover, null, time.GetUtcNow());
            }

            ifMatch = current.Version;
        }

        var restored = failover.PreviousPlanId is { } previous
            ? await plans.ActivateAsync(site.AccountId, previous, site.SiteId, PlanChangedData.Failback, ifMatch, ct)
            : await plans.DeactivateAsync(site.AccountId, site.SiteId, PlanChangedData.Failback, ifMatch, ct);
        return restored is null
            ? SiteHealthMachine.CompleteFailback(state, FailbackOutcome.LeftManualChange, null, time.GetUtcNow())
            : SiteHealthMachine.CompleteFailback(state, FailbackOutcome.Restored, failover.PreviousPlanId, time.GetUtcNow());
    }

    /// <summary>Routing reads DownSites from the snapshot: keep the configuration's "sitestate" row in step (retried every round).</summary>
    private async Task MirrorAsync(SiteToProbe site, SiteHealthState state, CancellationToken ct)
    {
        try
        {
            await mirror.EnsureAsync(site.AccountId, site.SiteId, state.Status, state.LastDetail ?? "", ct);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
        {
            LogMirrorFailed(log, ex, site.AccountId, site.SiteId);
        }
    }

    private async Task<ETag?> CommitAsync(SiteToProbe site, SiteTransition t, ETag? etag, CancellationToken ct)
    {
        var (events, audit) = SiteHealthNotices.For(site, t.Events);
        var committed = await store.TryCommitAsync(site.AccountId, site.SiteId, t.State, etag, events, audit, ct);
        if (committed is null)
        {
            LogConflict(log, site.AccountId, site.SiteId);
            return null;
        }

        foreach (var happened in t.Events)
        {
            if (happened is SiteWentDown or SiteRestored)
            {
                SmartnumbersMetrics.SiteTransition(down: happened is SiteWentDown);
            }
        }

        return committed;
    }

    private async Task<ProbeResult?> PassiveAsync(SiteToProbe site, CancellationToken ct)
    {
        if (site.Site.Destinations.Count == 0)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var window = TimeSpan.FromSeconds(options.Value.PassiveWindowSeconds);
        var recent = await outcomes.RecentAsync(site.AccountId, site.Site.Destinations, now - window, ct);
        return PassiveSignal.Evaluate(recent, now, window, options.Value.PassiveMinFailures);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Site {Account}/{Site} is now {Status}: {Detail}")]
    private static partial void LogTransition(ILogger logger, string account, string site, SiteHealthStatus status, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Site {Account}/{Site}: another instance changed its health first; this round recorded nothing")]
    private static partial void LogConflict(ILogger logger, string account, string site);

    [LoggerMessage(Level = LogLevel.Error, Message = "Site {Account}/{Site}: publishing its status to the snapshot failed; retrying next round")]
    private static partial void LogMirrorFailed(ILogger logger, Exception ex, string account, string site);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Site {Account}/{Site}: failover plan {Plan} was already active with no record of the plan before it; recovery returns to normal routing")]
    private static partial void LogFailoverPlanAlreadyActive(ILogger logger, string account, string site, string plan);

    [LoggerMessage(Level = LogLevel.Information, Message = "Site {Account}/{Site}: the active plan changed while failover plan {Plan} was being switched on; trying again next round")]
    private static partial void LogPlanChangedDuringSwitch(ILogger logger, string account, string site, string plan);

    [LoggerMessage(Level = LogLevel.Error, Message = "Site {Account}/{Site}: switching failover plan {Plan} failed; retrying next round")]
    private static partial void LogPlanSwitchFailed(ILogger logger, Exception ex, string account, string site, string plan);
}
