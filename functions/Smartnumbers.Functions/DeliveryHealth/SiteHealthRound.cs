using Azure;
using Microsoft.Extensions.Options;
using Smartnumbers.Core.Health;
using Smartnumbers.Functions.DeliveryHealth.Failover;
using Smartnumbers.Functions.DeliveryHealth.Probes;

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
            var t = state.FailoverPending ? await FailOverAsync(site, state, ct) : await FailBackAsync(site, state, ct);
            return await CommitAsync(site, t, etag, ct) is null ? state : t.State;
        }
        catch (Exception ex) when (ex is RequestFailedException or InvalidOperationException or HttpRequestException or KeyNotFoundException or ArgumentException)
        {
            // Left pending: the next round tries again.
            LogPlanSwitchFailed(log, ex, site.AccountId, site.SiteId, state.Failover!.PlanId);
            return state;
        }
    }

    private async Task<SiteTransition> FailOverAsync(SiteToProbe site, SiteHealthState state, CancellationToken ct)
    {
        var plan = state.Failover!.PlanId;
        var before = await plans.GetActiveAsync(site.AccountId, ct);
        var after = string.Equals(before.PlanId, plan, StringComparison.Ordinal)
            ? before
            : await plans.ActivateAsync(site.AccountId, plan, site.SiteId, $"site {site.SiteId} is down: {state.LastDetail}", null, ct)
              ?? throw new InvalidOperationException("unconditional activation reported a precondition failure");
        return SiteHealthMachine.CompleteFailover(state, before.PlanId, after.Version, time.GetUtcNow());
    }

    /// <summary>Hands the plan back only if the plan state is exactly as our failover left it (its ETag as If-Match).</summary>
    private async Task<SiteTransition> FailBackAsync(SiteToProbe site, SiteHealthState state, CancellationToken ct)
    {
        var failover = state.Failover!;
        var reason = $"site {site.SiteId} is back up; restoring the plan active before the outage";
        var restored = failover.PreviousPlanId is { } previous
            ? await plans.ActivateAsync(site.AccountId, previous, site.SiteId, reason, failover.VersionAfterActivation, ct)
            : await plans.DeactivateAsync(site.AccountId, site.SiteId, reason, failover.VersionAfterActivation, ct);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Site {Account}/{Site}: switching failover plan {Plan} failed; retrying next round")]
    private static partial void LogPlanSwitchFailed(ILogger logger, Exception ex, string account, string site, string plan);
}
