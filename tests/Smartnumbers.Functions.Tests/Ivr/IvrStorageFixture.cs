using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Smartnumbers.Functions.Ivr;
using Smartnumbers.Functions.Storage;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Ivr;

/// <summary>The IVR's tables on the shared Azurite, with a fake clock, for tests below the HTTP layer.</summary>
internal sealed class IvrStorageFixture
{
    public IvrStorageFixture()
    {
        Store = NewStore();
        Store.Table(IvrSessionStore.TableName).CreateIfNotExists();
        Store.Table(PinLockouts.TableName).CreateIfNotExists();
        Sessions = new IvrSessionStore(Store, Time, Options);
        Lockouts = new PinLockouts(Store, Time, Options);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 14, 5, 0, TimeSpan.Zero));

    public IOptions<DialInOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(new DialInOptions());

    public TableStore Store { get; }

    public IvrSessionStore Sessions { get; }

    public PinLockouts Lockouts { get; }

    /// <summary>A second, independent client: what another instance of the app would use.</summary>
    public static TableStore NewStore() =>
        new(Microsoft.Extensions.Options.Options.Create(new StorageOptions { ConnectionString = Azurite.ConnectionString }));

    public IvrPinCheck PinCheck(IIvrAuditTrail audit) =>
        new(new Pbkdf2PinVerifier(), Lockouts, audit, NullLogger<IvrPinCheck>.Instance);
}
