using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using Smartnumbers.Core.Ivr;
using Smartnumbers.Functions.Hosting;
using Smartnumbers.Functions.Ivr;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Ivr;

/// <summary>The daily housekeeping of the dial-in tables keeps what still counts and a day of what does not.</summary>
public sealed class PurgeIvrRowsTests
{
    // Other tests share these tables with clocks at or after this time; the purge here only reaches rows a day older.
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 14, 5, 0, TimeSpan.Zero);
    private readonly IvrStorageFixture _storage = new();
    private readonly FakeTimeProvider _time = new(Now.AddDays(-22));
    private readonly string _account = SmartnumbersAppFactory.NewAccountId("purge");

    public PurgeIvrRowsTests()
    {
        Sessions = new IvrSessionStore(_storage.Store, _time, _storage.Options);
        Lockouts = new PinLockouts(_storage.Store, _time, _storage.Options);
    }

    private IvrSessionStore Sessions { get; }

    private PinLockouts Lockouts { get; }

    private IvrCall NewCall(string caller) => new("CA" + Guid.NewGuid().ToString("N"), "twilio", _account, "+441134960000", caller);

    private async Task<IvrCall> SessionAtAsync(DateTimeOffset at)
    {
        _time.SetUtcNow(at);
        var call = NewCall("+447700900123");
        await Sessions.CreateAsync(call, new IvrSession(), default);
        return call;
    }

    private async Task<string> FailuresAtAsync(DateTimeOffset at, int count)
    {
        _time.SetUtcNow(at);
        var caller = "+4477009" + Random.Shared.Next(10_000, 99_999);
        for (var i = 0; i < count; i++)
        {
            await Lockouts.RecordFailureAsync(NewCall(caller), "staff" + Guid.NewGuid().ToString("N")[..6], default);
        }

        return "caller~" + Uri.EscapeDataString(caller).Replace('%', '~');
    }

    [Fact]
    public async Task Sessions_expired_over_a_day_and_spent_pin_failures_are_deleted_and_the_rest_kept()
    {
        var ancient = await SessionAtAsync(Now.AddDays(-22));
        var oldFailure = await FailuresAtAsync(Now.AddDays(-22), 1);
        var oldLock = await FailuresAtAsync(Now.AddDays(-22), 5);
        var justExpired = await SessionAtAsync(Now.AddHours(-1));
        var recentFailure = await FailuresAtAsync(Now.AddHours(-1), 1);
        var live = await SessionAtAsync(Now);
        var lockedNow = await FailuresAtAsync(Now, 5);

        var log = await new PurgeIvrRowsTimer(Sessions, Lockouts, _time).RunAsync(new TimerRun("schedule", false), default);

        Assert.Contains("dial-in sessions", Assert.Single(log), StringComparison.Ordinal);
        var sessions = _storage.Store.Table(IvrSessionStore.TableName);
        Assert.False((await sessions.GetEntityIfExistsAsync<TableEntity>(Key(ancient), "session")).HasValue);
        Assert.True((await sessions.GetEntityIfExistsAsync<TableEntity>(Key(justExpired), "session")).HasValue);
        Assert.NotNull(await Sessions.GetAsync(live.CallId, default));
        var lockouts = _storage.Store.Table(PinLockouts.TableName);
        Assert.False((await lockouts.GetEntityIfExistsAsync<TableEntity>(_account, oldFailure)).HasValue);
        Assert.False((await lockouts.GetEntityIfExistsAsync<TableEntity>(_account, oldLock)).HasValue);
        Assert.True((await lockouts.GetEntityIfExistsAsync<TableEntity>(_account, recentFailure)).HasValue);
        Assert.True((await lockouts.GetEntityIfExistsAsync<TableEntity>(_account, lockedNow)).HasValue);
    }

    private static string Key(IvrCall call) => Uri.EscapeDataString(call.CallId).Replace('%', '~');
}
