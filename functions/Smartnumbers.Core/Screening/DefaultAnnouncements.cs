namespace Smartnumbers.Core.Screening;

/// <summary>The product's wording when the account sets none.</summary>
public static class DefaultAnnouncements
{
    public const string Acr = "This number does not accept calls from withheld numbers. Please call again with your number shown.";
    public const string Icr = "Your call cannot be connected because your number could not be identified.";
    public const string Blocked = "Your call cannot be connected.";
    public const string Closed = "Sorry, nobody is available to take your call. Please try again later.";
    /// <summary>Said when a call cannot be connected at all (no route known): then the call is hung up.</summary>
    public const string Unavailable = "Sorry, we cannot connect your call at the moment. Please try again later.";
}
