using System.Diagnostics;
using Microsoft.Extensions.Options;
using Smartnumbers.Core.Health;
using Smartnumbers.Functions.Hosting;

namespace Smartnumbers.Functions.DeliveryHealth;

/// <summary>The probe round (every 30 s): every site at once up to <see cref="DeliveryHealthOptions.MaxConcurrentSites"/>, within a time budget.</summary>
internal sealed partial class ProbeDeliveryHealthTimer(
    ISiteCatalog catalog,
    SiteHealthRound round,
    IOptions<DeliveryHealthOptions> options,
    ILogger<ProbeDeliveryHealthTimer> log) : ITimerFunction
{
    public string Name => "ProbeDeliveryHealth";

    public async Task<IReadOnlyList<string>> RunAsync(TimerRun run, CancellationToken cancellationToken)
    {
        var report = await RunRoundAsync(cancellationToken);
        return [report.ToString()];
    }

    public async Task<ProbeRoundReport> RunRoundAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var o = options.Value;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(TimeSpan.FromSeconds(o.RoundBudgetSeconds));
        var sites = await catalog.ListAsync(budget.Token);
        int down = 0, transitions = 0, conflicts = 0, failed = 0, probesRun = 0;
        await Parallel.ForEachAsync(sites, new ParallelOptions { MaxDegreeOfParallelism = o.MaxConcurrentSites, CancellationToken = cancellationToken }, async (site, _) =>
        {
            try
            {
                var outcome = await round.RunAsync(site, budget.Token);
                Interlocked.Add(ref probesRun, outcome.Results.Count);
                if (outcome.Status == SiteHealthStatus.Down)
                {
                    Interlocked.Increment(ref down);
                }

                if (outcome.Transitioned)
                {
                    Interlocked.Increment(ref transitions);
                }

                if (outcome.Conflict)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref failed);
                LogSiteFailed(log, ex, site.AccountId, site.SiteId);
            }
        });
        var report = new ProbeRoundReport(sites.Count, probesRun, down, transitions, conflicts, failed, clock.Elapsed);
        LogRound(log, report.Sites, report.Probes, report.Down, report.Transitions, report.Elapsed.TotalMilliseconds);
        return report;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Probing site {Account}/{Site} failed")]
    private static partial void LogSiteFailed(ILogger logger, Exception ex, string account, string site);

    [LoggerMessage(Level = LogLevel.Information, Message = "Probe round: {Sites} sites, {Probes} probes, {Down} down, {Transitions} transitions in {Ms:F0} ms")]
    private static partial void LogRound(ILogger logger, int sites, int probes, int down, int transitions, double ms);
}
