namespace Smartnumbers.Functions.Acs.Calls;

/// <summary>One destination of the current step.</summary>
/// <param name="InvitationId">Known once participants:add replied; used to cancel it.</param>
public sealed record AcsInvitation(string Destination, string? InvitationId = null, bool Failed = false);
