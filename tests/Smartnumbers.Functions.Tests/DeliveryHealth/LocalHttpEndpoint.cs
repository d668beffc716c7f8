using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Smartnumbers.Functions.Tests.DeliveryHealth;

/// <summary>A real Kestrel endpoint on a fixed loopback port that a test can switch off and on.</summary>
public sealed class LocalHttpEndpoint(int port, RequestDelegate handler) : IAsyncDisposable
{
    private WebApplication? _app;

    public int Port { get; } = port;

    public string Url => $"http://127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(Url);
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
