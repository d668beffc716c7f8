using Smartnumbers.Functions.Tests.Acs;
using Smartnumbers.Functions.Tests.CallRecords;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Pipeline;

/// <summary>A new ACS-configured instance deciding with the real pipeline, its storage behind a gate the test can close.</summary>
public sealed class ColdAcsFactory(string? emergencyRoute = null) : AcsAppFactory
{
    internal TcpGate Gate { get; } = new(CallRecordFixture.AzuritePort);

    protected override bool UseTestRouter => false;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Gate.Open();
        Settings["Storage:ConnectionString"] = Azurite.ConnectionStringFor(Gate.Port);
        Settings["CallRecords:SpillFolder"] = CallRecordFixture.NewSpillFolder();
        Settings["CallPipeline:AcsOwnerBudget"] = "00:00:01.5";
        if (emergencyRoute is not null)
        {
            Settings["EmergencyRoute:Destinations"] = emergencyRoute;
        }
    }

    /// <summary>Stops the app, the stand-in ACS and the gate.</summary>
    public async Task StopAsync()
    {
        await ((Xunit.IAsyncLifetime)this).DisposeAsync();
        await Gate.DisposeAsync();
    }
}
