using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.DeliveryHealth;
using Smartnumbers.Functions.Storage;
using Smartnumbers.Functions.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Smartnumbers.Functions.Tests.DeliveryHealth;

/// <summary>The 30 s timer must finish well inside its period: 50 sites × 2 probes (SIP OPTIONS UDP + TCP connect) on loopback.</summary>
public sealed class ProbeRoundTimingTests(KamailioPeers peers, ITestOutputHelper output) : IClassFixture<KamailioPeers>, IDisposable
{
    private readonly SmartnumbersAppFactory _factory = new();
    private readonly StaticCatalog _catalog = new();

    public void Dispose()
    {
        try
        {
            _factory.Dispose();
        }
        catch (Exception ex) when (ex is ObjectDisposedException or IOException && ex.StackTrace?.Contains("CallRecordWriter", StringComparison.Ordinal) == true)
        {
            // Known teardown race in the call-record writer (reported to the lead).
        }
    }

    [Fact]
    public async Task A_round_of_50_sites_with_2_probes_each_finishes_well_within_the_30_second_period()
    {
        _factory.ConfigureTestServices.Add(s => s.AddSingleton<ISiteCatalog>(_catalog));
        _ = _factory.Server;
        using var ready = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _factory.Services.GetRequiredService<StorageReadiness>().WhenReadyAsync(ready.Token);
        var account = SmartnumbersAppFactory.NewAccountId("timing");
        _catalog.Sites = Enumerable.Range(0, 50).Select(i => new SiteToProbe(account, $"site-{i:D2}", new Site
        {
            Name = $"Site {i}",
            Probes =
            [
                new Probe { Kind = ProbeKind.SipOptions, Target = peers.Healthy.UdpTarget, TimeoutMs = 1000 },
                new Probe { Kind = ProbeKind.Tcp, Target = $"127.0.0.1:{peers.Healthy.Port}", TimeoutMs = 1000 },
            ],
        })).ToList();
        var timer = _factory.Services.GetRequiredService<ProbeDeliveryHealthTimer>();

        var first = await timer.RunRoundAsync(default);
        var second = await timer.RunRoundAsync(default);

        output.WriteLine($"first round: {first}");
        output.WriteLine($"second round: {second}");
        Assert.Equal(50, second.Sites);
        Assert.Equal(100, second.Probes);
        Assert.Equal(0, second.Failed);
        Assert.Equal(0, second.Down);
        Assert.True(second.Elapsed < TimeSpan.FromSeconds(10), $"round took {second.Elapsed}");
        var states = await _factory.Services.GetRequiredService<ISiteHealthReader>().ReadAccountAsync(account, default);
        Assert.Equal(50, states.Count);
    }

    private sealed class StaticCatalog : ISiteCatalog
    {
        public IReadOnlyList<SiteToProbe> Sites { get; set; } = [];

        public Task<IReadOnlyList<SiteToProbe>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(Sites);
    }
}
