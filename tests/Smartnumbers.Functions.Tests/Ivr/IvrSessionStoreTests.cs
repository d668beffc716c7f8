using Smartnumbers.Core.Ivr;
using Smartnumbers.Functions.Ivr;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Ivr;

public sealed class IvrSessionStoreTests
{
    private readonly IvrStorageFixture _storage = new();

    private static IvrCall NewCall() =>
        new("CA" + Guid.NewGuid().ToString("N"), "twilio", SmartnumbersAppFactory.NewAccountId("ivr"), "+441134960000", "+447700900123");

    [Fact]
    public async Task A_session_written_by_one_instance_is_read_by_another()
    {
        var call = NewCall();
        var created = await _storage.Sessions.CreateAsync(call, new IvrSession(), default);
        var next = new IvrSession { Step = IvrStep.Menu, StaffId = "1234", Authenticated = true, PinFailures = 1, Slot = 2, PlanId = "leeds-closed" };
        Assert.NotNull(await _storage.Sessions.SaveAsync(created, next, default));

        var other = new IvrSessionStore(IvrStorageFixture.NewStore(), _storage.Time, _storage.Options);
        var read = await other.GetAsync(call.CallId, default);

        Assert.NotNull(read);
        Assert.Equal(call, read.Call);
        Assert.Equal(next, read.Session);
    }

    [Fact]
    public async Task A_write_from_a_stale_read_is_refused()
    {
        var call = NewCall();
        await _storage.Sessions.CreateAsync(call, new IvrSession(), default);
        var first = await _storage.Sessions.GetAsync(call.CallId, default);
        var second = await _storage.Sessions.GetAsync(call.CallId, default);

        Assert.NotNull(await _storage.Sessions.SaveAsync(first!, new IvrSession { Step = IvrStep.EnterPin, StaffId = "1234" }, default));
        var lost = await _storage.Sessions.SaveAsync(second!, new IvrSession { Step = IvrStep.EnterPin, StaffId = "9999" }, default);

        Assert.Null(lost);
        Assert.Equal("1234", (await _storage.Sessions.GetAsync(call.CallId, default))!.Session.StaffId);
    }

    [Fact]
    public async Task A_session_expires_fifteen_minutes_after_the_last_input()
    {
        var call = NewCall();
        var created = await _storage.Sessions.CreateAsync(call, new IvrSession(), default);
        _storage.Time.Advance(TimeSpan.FromMinutes(14));
        Assert.NotNull(await _storage.Sessions.SaveAsync(created, new IvrSession { Step = IvrStep.EnterPin, StaffId = "1234" }, default));

        _storage.Time.Advance(TimeSpan.FromMinutes(14));
        Assert.NotNull(await _storage.Sessions.GetAsync(call.CallId, default));

        _storage.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await _storage.Sessions.GetAsync(call.CallId, default));
    }

    [Fact]
    public async Task Call_ids_with_characters_table_keys_refuse_are_stored()
    {
        var call = NewCall() with { CallId = "calls/abc#1?x=\\y" };

        await _storage.Sessions.CreateAsync(call, new IvrSession(), default);

        Assert.NotNull(await _storage.Sessions.GetAsync(call.CallId, default));
    }
}
