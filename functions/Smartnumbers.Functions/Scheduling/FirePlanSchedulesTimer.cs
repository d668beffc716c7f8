using Smartnumbers.Functions.Hosting;

namespace Smartnumbers.Functions.Scheduling;

/// <summary>Every minute (FirePlanSchedules/function.json): fires the scheduled plan switches that are due.</summary>
internal sealed class FirePlanSchedulesTimer(PlanSchedules schedules) : ITimerFunction
{
    public string Name => "FirePlanSchedules";

    public async Task<IReadOnlyList<string>> RunAsync(TimerRun run, CancellationToken cancellationToken)
    {
        var fired = await schedules.FireDueAsync(cancellationToken);
        return [$"{fired.Count} scheduled switches handled", .. fired.Select(f => $"{f.Entry.Id}: {f.Detail}")];
    }
}
