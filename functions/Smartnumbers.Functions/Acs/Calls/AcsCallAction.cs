namespace Smartnumbers.Functions.Acs.Calls;

/// <summary>A Call Automation request the route flow asks for.</summary>
public abstract record AcsCallAction
{
    public sealed record Play(string Text, string OperationContext) : AcsCallAction;

    public sealed record AddParticipant(int Step, int Index, string Destination, int RingSeconds) : AcsCallAction;

    public sealed record CancelAddParticipant(string InvitationId, string OperationContext) : AcsCallAction;

    public sealed record HangUp : AcsCallAction;
}
