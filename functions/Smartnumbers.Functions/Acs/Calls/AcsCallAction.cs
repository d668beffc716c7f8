namespace Smartnumbers.Functions.Acs.Calls;

/// <summary>A Call Automation request the route flow asks for.</summary>
public abstract record AcsCallAction
{
    public sealed record Play(string Text, string OperationContext) : AcsCallAction;

    public sealed record AddParticipant(int Step, int Index, string Destination, int RingSeconds) : AcsCallAction;

    public sealed record CancelAddParticipant(string InvitationId, string OperationContext) : AcsCallAction;

    /// <summary>DELETE: the app leaves the call (which ends a call of the app and the caller alone).</summary>
    public sealed record HangUp : AcsCallAction;

    /// <summary><c>:terminate</c>: ends the call for every participant (a destination and the caller are not left alone).</summary>
    public sealed record Terminate : AcsCallAction;
}
