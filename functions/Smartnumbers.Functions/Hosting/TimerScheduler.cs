using Microsoft.Extensions.Options;
using NCrontab;

namespace Smartnumbers.Functions.Hosting;

/// <summary>
/// Standalone only: wakes each timer function on the NCRONTAB schedule of its function.json.
/// Under the Functions host it does nothing, so a timer is never woken twice.
/// </summary>
internal sealed partial class TimerScheduler(
    IServiceProvider services,
    IOptions<HostingOptions> options,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<TimerScheduler> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (o.UnderFunctionsHost || !o.RunTimersStandalone)
        {
            return Task.CompletedTask;
        }

        // Resolved only here: under the Functions host the timers (and what they depend on) are not built at start-up.
        var manifest = services.GetRequiredService<FunctionManifest>();
        var loops = new List<Task>();
        foreach (var timer in services.GetServices<ITimerFunction>())
        {
            var definition = manifest.Find(timer.Name)
                ?? throw new InvalidOperationException($"Timer function {timer.Name} has no {timer.Name}/function.json in the package");
            var schedule = ParseSchedule(definition.Schedule!, configuration);
            loops.Add(RunLoopAsync(timer, schedule, definition.RunOnStartup, stoppingToken));
        }

        return Task.WhenAll(loops);
    }

    /// <summary>Parses a six-field NCRONTAB expression; "%Setting%" is read from configuration as the host does.</summary>
    public static CrontabSchedule ParseSchedule(string schedule, IConfiguration configuration)
    {
        var expression = schedule;
        if (expression.Length > 2 && expression[0] == '%' && expression[^1] == '%')
        {
            var key = expression[1..^1];
            expression = configuration[key] ?? throw new InvalidOperationException($"{key}: timer schedule setting is missing");
        }

        return CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
    }

    private async Task RunLoopAsync(ITimerFunction timer, CrontabSchedule schedule, bool runOnStartup, CancellationToken ct)
    {
        await Task.Yield();
        if (runOnStartup)
        {
            await TimerRunner.RunAsync(timer, new TimerRun("schedule", false), log, ct);
        }

        while (!ct.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = schedule.GetNextOccurrence(now.UtcDateTime);
            var wait = new DateTimeOffset(next, TimeSpan.Zero) - now;
            try
            {
                await Task.Delay(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var pastDue = time.GetUtcNow() - new DateTimeOffset(next, TimeSpan.Zero) > TimeSpan.FromSeconds(30);
            await TimerRunner.RunAsync(timer, new TimerRun("schedule", pastDue), log, ct);
        }
    }
}
