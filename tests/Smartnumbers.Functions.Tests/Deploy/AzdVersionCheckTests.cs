using System.Diagnostics;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Deploy;

/// <summary>The azd hooks stop on an azd older than the one the deployment is written for (infra/hooks/azd-version.sh).</summary>
public sealed class AzdVersionCheckTests : IDisposable
{
    private readonly string _bin = Directory.CreateTempSubdirectory("azd-").FullName;

    [Theory]
    [InlineData("azd version 1.9.0 (commit 0123456)", false)]
    [InlineData("azd version 1.17.9 (commit 0123456)", false)]
    [InlineData("azd version 1.18.0 (commit 0123456)", true)]
    [InlineData("azd version 1.20.3 (commit 0123456)", true)]
    [InlineData("azd version 2.0.0 (commit 0123456)", true)]
    [InlineData("something else", false)]
    public async Task Older_azd_versions_are_refused_with_the_minimum_named(string versionLine, bool accepted)
    {
        var azd = Path.Combine(_bin, "azd");
        await File.WriteAllTextAsync(azd, $"#!/bin/sh\necho '{versionLine}'\n");
        var psi = new ProcessStartInfo("sh", ["-c", $". '{Path.Combine(RepositoryRoot.Path, "infra", "hooks", "azd-version.sh")}'; check_azd_version test"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        psi.Environment["PATH"] = _bin + ":" + Environment.GetEnvironmentVariable("PATH");
        psi.Environment.Remove("SMARTNUMBERS_SKIP_AZD_CHECK");
        using (var chmod = Process.Start("chmod", ["+x", azd]))
        {
            await chmod.WaitForExitAsync();
        }

        using var process = Process.Start(psi)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(accepted, process.ExitCode == 0);
        if (!accepted)
        {
            Assert.Contains("older than 1.18.0", error, StringComparison.Ordinal);
        }
    }

    public void Dispose() => Directory.Delete(_bin, recursive: true);
}
