namespace Smartnumbers.Functions.Acs.Rest;

public sealed record CallParticipant(CommunicationIdentifierModel? Identifier, bool? IsMuted = null);
