namespace Smartnumbers.Functions.Tests.Notifications;

/// <summary>Tests sharing one app with notifications on, one stand-in ACS (and webhook receiver) and the shared Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class NotificationCollection : ICollectionFixture<NotificationAppFactory>
{
    public const string Name = "notifications";
}
