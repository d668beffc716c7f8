using Smartnumbers.Core;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Ivr;
using Smartnumbers.Functions.Ivr;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Ivr;

public sealed class PinLockoutsTests
{
    private const string Pin = "482913";
    private readonly IvrStorageFixture _storage = new();
    private readonly RecordingAuditTrail _audit = new();
    private readonly string _account = SmartnumbersAppFactory.NewAccountId("lock");

    private AccountSnapshot Account() => new()
    {
        AccountId = _account,
        Settings = new AccountSettings { Name = "Northwind" },
        Staff = new Dictionary<string, StaffMember>
        {
            ["1234"] = new() { Id = "1234", Name = "Olive", Role = StaffRole.Operator, PinHash = TestPins.Hash(Pin) },
            ["5678"] = new() { Id = "5678", Name = "Sam", PinHash = TestPins.Hash("111111") },
        },
    };

    private IvrCall Call(string? caller) => new("CA" + Guid.NewGuid().ToString("N"), "twilio", _account, "+441134960000", caller);

    private Task<PinCheckResult> Check(IvrCall call, string staffId, string pin) =>
        _storage.PinCheck(_audit).CheckAsync(call, Account(), new VerifyPin { StaffId = staffId, Pin = new PinDigits(pin) }, default);

    [Fact]
    public async Task The_right_pin_is_accepted_and_a_wrong_one_rejected()
    {
        var call = Call("+447700900123");

        Assert.Equal(PinCheckResult.Rejected, await Check(call, "1234", "000000"));
        Assert.Equal(PinCheckResult.Accepted, await Check(call, "1234", Pin));
        Assert.Equal(PinCheckResult.Rejected, await Check(call, "4444", Pin));
    }

    [Fact]
    public async Task Five_wrong_pins_from_one_caller_lock_that_caller_for_fifteen_minutes_and_are_audited()
    {
        var caller = "+447700900" + Random.Shared.Next(100, 999);
        string[] staffIds = ["1234", "5678", "4444", "1234", "5678"];
        var results = new List<PinCheckResult>();
        foreach (var staffId in staffIds)
        {
            results.Add(await Check(Call(caller), staffId, "000000"));
        }

        Assert.Equal([PinCheckResult.Rejected, PinCheckResult.Rejected, PinCheckResult.Rejected, PinCheckResult.Rejected, PinCheckResult.Locked], results);
        var audited = Assert.Single(_audit.Lockouts);
        Assert.Equal((PinLockoutSubject.Caller, caller), (audited.Subject, audited.Key));
        Assert.Equal(_storage.Time.GetUtcNow().AddMinutes(15), audited.Until);

        // Locked: even the right PIN is refused, from a new call, until the lock lifts.
        Assert.Equal(PinCheckResult.Locked, await Check(Call(caller), "1234", Pin));
        Assert.Equal(PinCheckResult.Accepted, await Check(Call("+447700900999"), "1234", Pin));
        _storage.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(PinCheckResult.Accepted, await Check(Call(caller), "1234", Pin));
    }

    [Fact]
    public async Task Five_wrong_pins_against_one_staff_record_lock_it_whoever_calls()
    {
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(PinCheckResult.Rejected, await Check(Call($"+4477009001{i:00}"), "1234", "000000"));
        }

        Assert.Equal(PinCheckResult.Locked, await Check(Call("+447700900150"), "1234", "000000"));

        Assert.Equal(PinCheckResult.Locked, await Check(Call("+447700900160"), "1234", Pin));
        Assert.Equal(PinCheckResult.Accepted, await Check(Call("+447700900160"), "5678", "111111"));
        Assert.Contains(_audit.Lockouts, l => l.Subject == PinLockoutSubject.Staff && l.Key == "1234");
    }

    [Fact]
    public async Task Wrong_pins_older_than_the_window_no_longer_count()
    {
        var caller = "+447700900201";
        for (var i = 0; i < 4; i++)
        {
            await Check(Call(caller), "5678", "000000");
        }

        _storage.Time.Advance(TimeSpan.FromMinutes(16));

        Assert.Equal(PinCheckResult.Rejected, await Check(Call(caller), "5678", "000000"));
        Assert.Empty(_audit.Lockouts);
    }

    [Fact]
    public async Task Withheld_callers_share_one_lockout_key()
    {
        for (var i = 0; i < 5; i++)
        {
            await Check(Call(null), i % 2 == 0 ? "4444" : "5555", "000000");
        }

        Assert.Equal(PinCheckResult.Locked, await Check(Call(null), "1234", Pin));
        Assert.Contains(_audit.Lockouts, l => l.Subject == PinLockoutSubject.Caller && l.Key == "anonymous");
    }

    [Fact]
    public async Task Concurrent_wrong_pins_are_counted_exactly()
    {
        var caller = "+447700900301";

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Check(Call(caller), "77" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture), "000000")));

        Assert.Single(results, r => r == PinCheckResult.Locked);
        Assert.Single(_audit.Lockouts, l => l.Subject == PinLockoutSubject.Caller);
    }

    [Fact]
    public async Task A_correct_pin_clears_the_staff_count_but_not_the_callers()
    {
        var caller = "+447700900401";
        for (var i = 0; i < 4; i++)
        {
            await Check(Call(caller), "1234", "000000");
        }

        Assert.Equal(PinCheckResult.Accepted, await Check(Call(caller), "1234", Pin));

        Assert.Equal(PinCheckResult.Locked, await Check(Call(caller), "5678", "000000"));
        Assert.DoesNotContain(_audit.Lockouts, l => l.Subject == PinLockoutSubject.Staff);
    }
}
