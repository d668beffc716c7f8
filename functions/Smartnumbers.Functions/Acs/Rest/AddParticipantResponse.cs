namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>202 reply of participants:add; <see cref="InvitationId"/> cancels the invitation.</summary>
public sealed record AddParticipantResponse(CallParticipant? Participant, string? OperationContext, string? InvitationId);
