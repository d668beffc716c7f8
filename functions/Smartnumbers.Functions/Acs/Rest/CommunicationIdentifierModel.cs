namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>An identifier on the wire: <c>kind</c> and <c>rawId</c> are optional, exactly one sub-object is set.</summary>
public sealed record CommunicationIdentifierModel
{
    public string? Kind { get; init; }
    public string? RawId { get; init; }
    public PhoneNumberIdentifierModel? PhoneNumber { get; init; }
    public CommunicationUserIdentifierModel? CommunicationUser { get; init; }

    /// <summary>A PSTN number, written as the official SDK writes it.</summary>
    public static CommunicationIdentifierModel Phone(string e164) =>
        new() { Kind = "phoneNumber", RawId = "4:" + e164, PhoneNumber = new PhoneNumberIdentifierModel(e164, false) };

    /// <summary>A destination: an ACS user id (8:…) or a phone number.</summary>
    public static CommunicationIdentifierModel ForDestination(string destination) =>
        destination.StartsWith("8:", StringComparison.Ordinal)
            ? new() { Kind = "communicationUser", RawId = destination, CommunicationUser = new CommunicationUserIdentifierModel(destination) }
            : Phone(destination);
}
