using System.Diagnostics;
using System.Globalization;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Twilio;

/// <summary>scripts/twilio-call.sh signs with openssl the way Twilio does: the app (as a process) accepts it.</summary>
public sealed class TwilioCallScriptTests
{
    private const string Token = "script-test-token";

    [Fact]
    public async Task The_script_signs_a_webhook_the_running_app_accepts_and_prints_the_twiml()
    {
        var port = FreePort.Next();
        var origin = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var app = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Smartnumbers.Functions.dll"), "--urls", origin },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["Storage__ConnectionString"] = Azurite.ConnectionString,
                ["Twilio__AuthToken"] = Token,
                ["Twilio__PublicBaseUrl"] = origin,
                ["Telemetry__Console"] = "false",
                ["Hosting__RunTimersStandalone"] = "false",
            },
        };
        using var process = Process.Start(app)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient();
            await CallRecords.Poll.UntilAsync(async () =>
            {
                try
                {
                    return (await http.GetAsync(origin + "/api/ping")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, up => up);

            var good = await RunScriptAsync(origin, Token, "+447700900123", "+441134960001", "CallerName=O'Brien & Sons", "SipHeader_X-Note=a+b c");
            var bad = await RunScriptAsync(origin, "wrong-token", "+447700900123", "+441134960001");

            Assert.Contains("<Response/>", good, StringComparison.Ordinal);
            Assert.Contains("(HTTP 200, text/xml; charset=utf-8)", good, StringComparison.Ordinal);
            Assert.Contains("(HTTP 403", bad, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<string> RunScriptAsync(string origin, string token, params string[] args)
    {
        var psi = new ProcessStartInfo(Path.Combine(RepositoryRoot.Path, "scripts", "twilio-call.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["BASE"] = origin, ["TWILIO_AUTH_TOKEN"] = token, ["WEBHOOK_PATH"] = "/api/twilio/status" },
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var script = Process.Start(psi)!;
        var output = await script.StandardOutput.ReadToEndAsync();
        var error = await script.StandardError.ReadToEndAsync();
        await script.WaitForExitAsync();
        Assert.True(script.ExitCode == 0, error);
        return output;
    }
}
