using System.Diagnostics;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Twilio;

/// <summary>Runs a script of tests/peers/twilio with Node (the official twilio helper from tools/node_modules).</summary>
internal static class NodePeer
{
    public static async Task<string> RunAsync(string script, string stdin)
    {
        var psi = new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine(RepositoryRoot.Path, "tests", "peers", "twilio", script) },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"node {script} failed: {await stderr}");
        return await stdout;
    }
}
