namespace Smartnumbers.Functions.Hosting;

/// <summary>
/// A timer function: woken by the Functions host (POST /{Name}) or, standalone, by <see cref="TimerScheduler"/>
/// from the schedule in its function.json. One code path, two ways to be woken.
/// </summary>
public interface ITimerFunction
{
    /// <summary>The function's name = its folder in the package.</summary>
    string Name { get; }

    /// <summary>Does one run; returns log lines for the host's invocation log.</summary>
    Task<IReadOnlyList<string>> RunAsync(TimerRun run, CancellationToken cancellationToken);
}
