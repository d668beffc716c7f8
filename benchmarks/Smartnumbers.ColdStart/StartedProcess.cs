using System.Diagnostics;

namespace Smartnumbers.ColdStart;

/// <summary>
/// A published executable started as a new process, timed from just before its start until an answer is accepted.
/// Disposing it kills the process tree and waits for it.
/// </summary>
internal sealed class StartedProcess : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly Process process;
    private readonly Stopwatch clock;

    private StartedProcess(Process process, Stopwatch clock) => (this.process, this.clock) = (process, clock);

    public static StartedProcess Start(string directory, string executable, int port, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(Path.Combine(directory, executable), ["--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = directory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"  [{executable}] {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new StartedProcess(process, clock);
    }

    /// <summary>Polls with <paramref name="attempt"/> every millisecond until it answers true; the time since start.</summary>
    public async Task<TimeSpan> UntilAsync(Func<Task<bool>> attempt)
    {
        while (clock.Elapsed < Deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the process exited with code {process.ExitCode} before it answered");
            }

            try
            {
                if (await attempt())
                {
                    return clock.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(1);
        }

        throw new TimeoutException($"no accepted answer within {Deadline.TotalSeconds} s");
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        process.Dispose();
    }
}
