using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.DeliveryHealth.Probes;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.DeliveryHealth;

public sealed class HttpProbeTests
{
    private static readonly HttpProber Prober = new(new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>());

    private static Probe Http(string url, IReadOnlyList<int>? healthy = null) =>
        new() { Kind = ProbeKind.Http, Target = url, TimeoutMs = 3000, HealthyCodes = healthy };

    [Fact]
    public async Task Endpoint_switched_off_is_unhealthy_and_switched_on_again_is_healthy()
    {
        await using var endpoint = new LocalHttpEndpoint(FreePort.Next(), ctx => ctx.Response.WriteAsync("ok"));
        await endpoint.StartAsync();
        var probe = Http(endpoint.Url + "/health");
        Assert.True((await Prober.ProbeAsync(probe, CancellationToken.None)).Healthy);

        await endpoint.StopAsync();
        var off = await Prober.ProbeAsync(probe, CancellationToken.None);
        Assert.False(off.Healthy);

        await endpoint.StartAsync();
        var on = await Prober.ProbeAsync(probe, CancellationToken.None);
        Assert.True(on.Healthy, on.Detail);
        Assert.Equal("200 OK", on.Detail);
    }

    [Theory]
    [InlineData(503, null, false)]
    [InlineData(408, "408", false)]
    [InlineData(302, null, false)]
    [InlineData(401, "401", true)]
    [InlineData(204, null, true)]
    public async Task Status_codes_count_as_configured_and_408_never(int status, string? configured, bool healthy)
    {
        await using var endpoint = new LocalHttpEndpoint(FreePort.Next(), ctx =>
        {
            ctx.Response.StatusCode = status;
            if (status == 302)
            {
                ctx.Response.Headers.Location = "/elsewhere";
            }

            return Task.CompletedTask;
        });
        await endpoint.StartAsync();
        IReadOnlyList<int>? codes = configured is null ? null : [int.Parse(configured, System.Globalization.CultureInfo.InvariantCulture)];

        var result = await new HttpProber(new ServiceCollection().AddHttpClient(HttpProber.ClientName)
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false }).Services
                .BuildServiceProvider().GetRequiredService<IHttpClientFactory>())
            .ProbeAsync(Http(endpoint.Url, codes), CancellationToken.None);

        Assert.Equal(healthy, result.Healthy);
    }

    [Fact]
    public async Task A_slow_endpoint_fails_within_its_timeout()
    {
        await using var endpoint = new LocalHttpEndpoint(FreePort.Next(), async ctx => await Task.Delay(TimeSpan.FromSeconds(5), ctx.RequestAborted));
        await endpoint.StartAsync();

        var result = await Prober.ProbeAsync(Http(endpoint.Url) with { TimeoutMs = 300 }, CancellationToken.None);

        Assert.False(result.Healthy);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(2), $"took {result.Elapsed}");
    }

    [Fact]
    public async Task Tcp_connect_probe_follows_the_listener()
    {
        await using var endpoint = new LocalHttpEndpoint(FreePort.Next(), ctx => Task.CompletedTask);
        await endpoint.StartAsync();
        var probe = new Probe { Kind = ProbeKind.Tcp, Target = $"127.0.0.1:{endpoint.Port}", TimeoutMs = 500 };
        Assert.True((await TcpProber.ProbeAsync(probe, CancellationToken.None)).Healthy);

        await endpoint.StopAsync();

        Assert.False((await TcpProber.ProbeAsync(probe, CancellationToken.None)).Healthy);
    }
}
