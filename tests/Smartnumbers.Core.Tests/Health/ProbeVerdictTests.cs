using Smartnumbers.Core.Health;

namespace Smartnumbers.Core.Tests.Health;

public sealed class ProbeVerdictTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(200, null, true)]
    [InlineData(204, null, true)]
    [InlineData(100, null, false)]
    [InlineData(183, null, false)]
    [InlineData(404, null, false)]
    [InlineData(503, null, false)]
    [InlineData(403, "403", true)]
    [InlineData(408, null, false)]
    [InlineData(408, "408", false)]
    public void Only_2xx_or_configured_codes_are_healthy_and_408_never(int code, string? configured, bool healthy)
    {
        IReadOnlyList<int>? codes = configured is null ? null : [int.Parse(configured, System.Globalization.CultureInfo.InvariantCulture)];
        Assert.Equal(healthy, ProbeCodes.IsHealthy(code, codes));
    }

    [Fact]
    public void A_round_is_healthy_only_when_every_probe_is()
    {
        var ok = new ProbeResult("sip", true, "200 OK", TimeSpan.Zero);
        var bad = new ProbeResult("http", false, "503", TimeSpan.Zero);

        Assert.True(RoundVerdict.From([ok, ok])!.Healthy);
        var verdict = RoundVerdict.From([ok, bad])!;
        Assert.False(verdict.Healthy);
        Assert.Contains("http: 503", verdict.Detail, StringComparison.Ordinal);
        Assert.Null(RoundVerdict.From([]));
    }

    [Fact]
    public void Passive_signal_fails_only_when_enough_recent_calls_all_failed()
    {
        var window = TimeSpan.FromMinutes(5);
        CallOutcome Failed(int secondsAgo) => new("+441134960000", Now.AddSeconds(-secondsAgo), false, "failed 503");

        Assert.Null(PassiveSignal.Evaluate([], Now, window));
        Assert.Null(PassiveSignal.Evaluate([Failed(10), Failed(20)], Now, window));
        Assert.False(PassiveSignal.Evaluate([Failed(10), Failed(20), Failed(30)], Now, window)!.Healthy);
        Assert.True(PassiveSignal.Evaluate([Failed(10), Failed(20), new("+441134960000", Now.AddSeconds(-5), true, "busy")], Now, window)!.Healthy);
        Assert.Null(PassiveSignal.Evaluate([Failed(400), Failed(500), Failed(600)], Now, window));
    }
}
