namespace Smartnumbers.Functions.Tests.Telemetry;

/// <summary>
/// Runs alone, after the parallel collections: the meter is process-wide, so no other app may record while a test
/// compares a counter before and after.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetryAppFactory>, ICollectionFixture<AcsTelemetryAppFactory>
{
    public const string Name = "telemetry";
}
