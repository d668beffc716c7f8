using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Smartnumbers.Functions.Tests.Infrastructure;

/// <summary>
/// The app in-process against the shared Azurite. Tests create their own account so they never see each other's data.
/// <see cref="Settings"/> and <see cref="ConfigureTestServices"/> let a test class add configuration or replace a service.
/// </summary>
public class SmartnumbersAppFactory : WebApplicationFactory<Program>
{
    public const string BootstrapKey = "test-bootstrap-key-0123456789abcdef";
    public const string TwilioAuthToken = "test-twilio-auth-token";

    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Hosting:RunTimersStandalone"] = "false",
        ["Telemetry:Console"] = "false",
        ["Admin:BootstrapKey"] = BootstrapKey,
        ["Twilio:AuthToken"] = TwilioAuthToken,
        // Refit tests label a handful of calls, not the 50 per class a real account needs.
        ["RiskModel:MinLabelsPerClass"] = "2",
        // Each app spills undelivered call records to its own folder, never replaying another process's spill.
        ["CallRecords:SpillFolder"] = Path.Combine(Path.GetTempPath(), "smartnumbers-tests", Guid.NewGuid().ToString("N")),
    };

    public List<Action<IServiceCollection>> ConfigureTestServices { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:ConnectionString", Azurite.ConnectionString);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(Settings));
        builder.ConfigureServices(s =>
        {
            foreach (var configure in ConfigureTestServices)
            {
                configure(s);
            }
        });
    }

    /// <summary>A fresh, unique account id for one test.</summary>
    public static string NewAccountId(string prefix = "acct") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 40)];
}
