namespace Smartnumbers.Functions.Tests.Notifications;

/// <summary>
/// Tests sharing one app with notifications on, one stand-in ACS (and webhook receiver) and the shared Azurite. Runs
/// alone, after the parallel collections: the notification outbox is one table, and another collection's app would
/// deliver these tests' entries with its own settings, racing the attempts a test counts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotificationCollection : ICollectionFixture<NotificationAppFactory>
{
    public const string Name = "notifications";
}
