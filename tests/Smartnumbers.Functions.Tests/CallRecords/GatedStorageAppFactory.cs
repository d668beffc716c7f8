using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.CallRecords;

/// <summary>The app with its storage behind a gate the tests can close (or hang), and a spill folder of its own.</summary>
public class GatedStorageAppFactory : SmartnumbersAppFactory
{
    public GatedStorageAppFactory()
    {
        Gate.Open();
        Settings["Storage:ConnectionString"] = Azurite.ConnectionStringFor(Gate.Port);
        Settings["CallRecords:SpillFolder"] = CallRecordFixture.NewSpillFolder();
    }

    internal TcpGate Gate { get; } = new(CallRecordFixture.AzuritePort);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Gate.DisposeAsync();
    }
}
