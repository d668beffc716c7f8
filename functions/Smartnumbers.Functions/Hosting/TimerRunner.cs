using System.Diagnostics;
using Smartnumbers.Functions.Telemetry;

namespace Smartnumbers.Functions.Hosting;

/// <summary>Runs one timer invocation inside its own span, turning a fault into a failed run rather than a crash.</summary>
internal sealed partial class TimerRunner
{
    public static async Task<(bool Ok, IReadOnlyList<string> Logs)> RunAsync(ITimerFunction timer, TimerRun run, ILogger log, CancellationToken ct)
    {
        using var activity = SmartnumbersTelemetry.Source.StartActivity("timer " + timer.Name, ActivityKind.Internal);
        activity?.SetTag("faas.trigger", "timer");
        activity?.SetTag("faas.name", timer.Name);
        activity?.SetTag("smartnumbers.timer.woken_by", run.Trigger);
        try
        {
            var logs = await timer.RunAsync(run, ct);
            LogTimerRan(log, timer.Name, run.Trigger);
            return (true, logs);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            LogTimerFailed(log, ex, timer.Name);
            return (false, [$"{timer.Name} failed: {ex.Message}"]);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timer {Name} ran (woken by {Trigger})")]
    private static partial void LogTimerRan(ILogger logger, string name, string trigger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {Name} failed")]
    private static partial void LogTimerFailed(ILogger logger, Exception ex, string name);
}
