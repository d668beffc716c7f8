using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Smartnumbers.Functions.Tests.DeliveryHealth;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Deploy;

/// <summary>
/// infra/hooks/postdeploy.sh against a fake <c>az</c> (tests/…/Deploy/fake-az.sh) and a fake app on loopback: it waits for
/// Key Vault references, restarts once when needed, and fails clearly when health never comes.
/// </summary>
public sealed class PostdeployHookTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("postdeploy-").FullName;

    private string Calls => File.Exists(Path.Combine(_dir, "calls")) ? File.ReadAllText(Path.Combine(_dir, "calls")) : "";

    private bool Restarted => File.Exists(Path.Combine(_dir, "restarted"));

    [Fact]
    public async Task It_waits_for_unresolved_references_restarts_once_then_subscribes_when_health_answers()
    {
        // The app started before its references resolved: it answers 503 until it is restarted.
        await using var app = await AppAsync(() => Restarted ? 200 : 503);

        var (code, output) = await RunAsync(app.Url, unresolvedChecks: 2);

        Assert.True(code == 0, output);
        Assert.Equal(3, CountOf("rest --method get"));
        Assert.Equal(1, CountOf("functionapp restart"));
        Assert.Equal(1, CountOf("deployment group create"));
        Assert.Contains("waiting for Key Vault references to resolve: Twilio__AuthToken Admin__BootstrapKey", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolved_references_and_a_healthy_app_need_no_restart()
    {
        await using var app = await AppAsync(() => 200);

        var (code, output) = await RunAsync(app.Url, unresolvedChecks: 0);

        Assert.True(code == 0, output);
        Assert.Equal(0, CountOf("functionapp restart"));
        Assert.Equal(1, CountOf("deployment group create"));
    }

    [Fact]
    public async Task Health_that_never_comes_fails_after_one_restart_and_subscribes_nothing()
    {
        await using var app = await AppAsync(() => 503);

        var (code, output) = await RunAsync(app.Url, unresolvedChecks: 0);

        Assert.NotEqual(0, code);
        Assert.Contains("/api/health never answered 200, even after a restart", output, StringComparison.Ordinal);
        Assert.Equal(1, CountOf("functionapp restart"));
        Assert.Equal(0, CountOf("deployment group create"));
    }

    [Fact]
    public async Task References_that_never_resolve_fail_naming_the_settings()
    {
        await using var app = await AppAsync(() => 200);

        var (code, output) = await RunAsync(app.Url, unresolvedChecks: 100);

        Assert.NotEqual(0, code);
        Assert.Contains("Key Vault references still unresolved after 5 checks: Twilio__AuthToken Admin__BootstrapKey", output, StringComparison.Ordinal);
        Assert.Equal(0, CountOf("deployment group create"));
    }

    private int CountOf(string call) => Calls.Split('\n').Count(l => l.StartsWith(call, StringComparison.Ordinal));

    private static async Task<LocalHttpEndpoint> AppAsync(Func<int> health)
    {
        var app = new LocalHttpEndpoint(FreePort.Next(), ctx =>
        {
            ctx.Response.StatusCode = ctx.Request.Path == "/api/health" ? health() : StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        await app.StartAsync();
        return app;
    }

    private async Task<(int Code, string Output)> RunAsync(string appUrl, int unresolvedChecks)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_dir, "bin")).FullName;
        var az = Path.Combine(bin, "az");
        if (!File.Exists(az))
        {
            File.CreateSymbolicLink(az, Path.Combine(RepositoryRoot.Path, "tests", "Smartnumbers.Functions.Tests", "Deploy", "fake-az.sh")); // Executable in git.
        }
        var psi = new ProcessStartInfo("sh", [Path.Combine(RepositoryRoot.Path, "infra", "hooks", "postdeploy.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        psi.Environment["FAKE_AZ_DIR"] = _dir;
        psi.Environment["FAKE_AZ_UNRESOLVED_CHECKS"] = unresolvedChecks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["SMARTNUMBERS_SKIP_AZD_CHECK"] = "1";
        psi.Environment["POSTDEPLOY_POLL_SECONDS"] = "0.1";
        psi.Environment["POSTDEPLOY_REFERENCE_POLLS"] = "5";
        psi.Environment["POSTDEPLOY_HEALTH_POLLS"] = "5";
        psi.Environment["AZURE_RESOURCE_GROUP"] = "rg-test";
        psi.Environment["AZURE_FUNCTION_APP_NAME"] = "func-test";
        psi.Environment["ACS_SYSTEM_TOPIC_NAME"] = "egst-acs-test";
        psi.Environment["SERVICE_API_BASE_URL"] = appUrl;
        psi.Environment["AZURE_STORAGE_ACCOUNT_ID"] = "/subscriptions/s/resourceGroups/rg-test/providers/Microsoft.Storage/storageAccounts/sttest";
        psi.Environment["EVENTGRID_DEADLETTER_CONTAINER"] = "eventgrid-deadletter";
        psi.Environment["ACS_EVENTGRID_SECRET"] = "0123456789abcdef";
        psi.Environment.Remove("AZURE_SUBSCRIPTION_ID");
        psi.Environment.Remove("TWILIO_ACCOUNT_SID");
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
