using System.Diagnostics;
using System.Net;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Hosting;

/// <summary>The built app as a real process, the way the Functions host or a newcomer starts it.</summary>
public sealed class StandaloneProcessTests
{
    private static ProcessStartInfo App(params (string Key, string Value)[] environment)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Smartnumbers.Functions.dll") },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["Telemetry__Console"] = "false";
        psi.Environment["Hosting__RunTimersStandalone"] = "false";
        psi.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
        }

        return psi;
    }

    [Fact]
    public async Task Under_the_functions_host_it_listens_on_the_given_loopback_port_and_answers_the_readiness_poll()
    {
        var port = FreePort.Next();
        using var process = Process.Start(App(("FUNCTIONS_CUSTOMHANDLER_PORT", port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Storage__ConnectionString", Azurite.ConnectionString)))!;
        try
        {
            // A cold process's first answer builds its routes: on a loaded machine that alone has taken over 2 s.
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var clock = Stopwatch.StartNew();
            HttpStatusCode? status = null;
            while (clock.Elapsed < TimeSpan.FromSeconds(30) && status is null)
            {
                try
                {
                    using var response = await http.GetAsync($"http://127.0.0.1:{port}/");
                    status = response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(25);
                }
            }

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"ready after {clock.Elapsed}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_bad_setting_stops_start_up_with_one_line_naming_the_key()
    {
        using var process = Process.Start(App(("Storage__ConnectionString", "this is not a connection string"),
            ("ASPNETCORE_URLS", $"http://127.0.0.1:{FreePort.Next()}")))!;
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExit(TimeSpan.FromSeconds(60));
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
        }

        Assert.True(exited, "the app kept running with a bad setting");
        Assert.Equal(2, process.ExitCode);
        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("Configuration error: Storage__ConnectionString:", line, StringComparison.Ordinal);
    }
}
