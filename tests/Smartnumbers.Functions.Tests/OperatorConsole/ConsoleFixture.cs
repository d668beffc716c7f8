using Microsoft.Playwright;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.OperatorConsole;

/// <summary>
/// The app on a real loopback port (Kestrel, so a browser can reach it) against the shared Azurite, and Debian's
/// chromium driven by Playwright (never a downloaded browser). Each test opens its own browser context and account.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    public ConsoleAppFactory App { get; } = new();

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App.StartServer();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Args = ["--no-sandbox"], // CI runs as root
            Headless = true,
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>The app served by Kestrel on a free loopback port.</summary>
public sealed class ConsoleAppFactory : SmartnumbersAppFactory
{
    public ConsoleAppFactory()
    {
        Settings["urls"] = BaseUrl;
        UseKestrel(Port);
    }

    public int Port { get; } = FreePort.Next();

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public string ConsoleUrl => BaseUrl + "/api/console/";
}
