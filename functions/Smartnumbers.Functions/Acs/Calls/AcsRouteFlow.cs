using System.Globalization;

namespace Smartnumbers.Functions.Acs.Calls;

/// <summary>
/// The route flow of an answered call as pure transitions: (state, callback) → (new state, actions). A callback that
/// does not fit the current state (a duplicate, a late event of an earlier step) changes nothing, which is what makes
/// duplicate callbacks harmless. Operation contexts name what an event belongs to: "announce", "closing",
/// "step:{n}:{i}" (destination i of step n), "cancel:{n}:{i}". Once connected, a ParticipantsUpdated that no longer lists
/// the caller or the destination that answered (after an earlier one listed them) ends the call for everyone, so nobody
/// is left on a silent line with the app.
/// </summary>
public static class AcsRouteFlow
{
    public const string Announce = "announce";
    public const string Closing = "closing";

    /// <summary>The caller among <see cref="AcsCallState.PartiesSeen"/> and <see cref="AcsCallState.PartiesPresent"/>.</summary>
    public const string CallerParty = "caller";

    public static (AcsCallState State, IReadOnlyList<AcsCallAction> Actions) Apply(AcsCallState s, AcsCallbackEvent e)
    {
        if (s.Phase == AcsCallPhase.Ended)
        {
            return (s, []);
        }

        if (s.CallConnectionId is null && e.CallConnectionId is not null)
        {
            s = s with { CallConnectionId = e.CallConnectionId };
        }

        return e.Name switch
        {
            "CallConnected" when s.Phase == AcsCallPhase.Answering => s.Plan.Announcement is { Length: > 0 } text
                ? (s with { Phase = AcsCallPhase.Announcing }, [new AcsCallAction.Play(text, Announce)])
                : StartStep(s, 0),
            "PlayCompleted" or "PlayFailed" or "PlayCanceled" when s.Phase == AcsCallPhase.Announcing && e.OperationContext == Announce =>
                s.Plan.Steps.Count == 0 ? End(s, "announced") : StartStep(s, 0),
            "PlayCompleted" or "PlayFailed" or "PlayCanceled" when s.Phase == AcsCallPhase.Closing && e.OperationContext == Closing => End(s, "closed"),
            AcsCallbackEvent.InvitationSent when Leg(e, s) is { } i =>
                (s with { Invitations = Replace(s.Invitations, i, s.Invitations[i] with { InvitationId = e.ResultMessage }) }, []),
            "AddParticipantSucceeded" when Leg(e, s) is { } i => Connected(s, i),
            "AddParticipantFailed" when Leg(e, s) is { } i && !s.Invitations[i].Failed => LegFailed(s, i),
            "ParticipantsUpdated" => Participants(s, e),
            "CallTransferAccepted" => (s with { Phase = AcsCallPhase.Ended, Outcome = "transferred" }, []),
            "CallDisconnected" => (s with { Phase = AcsCallPhase.Ended, Outcome = s.Outcome ?? (s.Phase == AcsCallPhase.Connected ? "connected" : "disconnected") }, []),
            _ => (s, []),
        };
    }

    public static string LegContext(int step, int index) => string.Create(CultureInfo.InvariantCulture, $"step:{step}:{index}");

    private static (AcsCallState, IReadOnlyList<AcsCallAction>) StartStep(AcsCallState s, int step)
    {
        if (step >= s.Plan.Steps.Count)
        {
            return s.Plan.ClosingAnnouncement is { Length: > 0 } text
                ? (s with { Phase = AcsCallPhase.Closing, Step = step, Invitations = [] }, [new AcsCallAction.Play(text, Closing)])
                : End(s with { Step = step, Invitations = [] }, "closed");
        }

        var ring = s.Plan.Steps[step];
        var actions = ring.Destinations.Select((d, i) => (AcsCallAction)new AcsCallAction.AddParticipant(step, i, d, ring.RingSeconds)).ToList();
        var next = s with { Phase = AcsCallPhase.Ringing, Step = step, Invitations = ring.Destinations.Select(d => new AcsInvitation(d)).ToList() };
        return actions.Count == 0 ? StartStep(next, step + 1) : (next, actions);
    }

    private static (AcsCallState, IReadOnlyList<AcsCallAction>) Connected(AcsCallState s, int index)
    {
        var cancels = s.Invitations
            .Select((inv, i) => (inv, i))
            .Where(x => x.i != index && !x.inv.Failed && x.inv.InvitationId is not null)
            .Select(x => (AcsCallAction)new AcsCallAction.CancelAddParticipant(x.inv.InvitationId!, "cancel:" + LegContext(s.Step, x.i)[5..]))
            .ToList();
        var (next, end) = LeftAlone(s with { Phase = AcsCallPhase.Connected, ConnectedTo = s.Invitations[index].Destination, Outcome = "connected" });
        return (next, [.. cancels, .. end]);
    }

    /// <summary>
    /// Records which parties the list names: every list adds to those seen, only a newer one (by sequence number) says
    /// who is present now; a list without a sequence number counts as the newest.
    /// </summary>
    private static (AcsCallState, IReadOnlyList<AcsCallAction>) Participants(AcsCallState s, AcsCallbackEvent e)
    {
        var keys = e.ParticipantKeys;
        var listed = Parties(s).Where(p => keys.Contains(PartyKey(s, p))).ToList();
        var newer = e.SequenceNumber is not { } n || s.ParticipantsSequence is not { } last || n > last;
        return LeftAlone(s with
        {
            PartiesSeen = s.PartiesSeen.Union(listed, StringComparer.Ordinal).ToList(),
            PartiesPresent = newer ? listed : s.PartiesPresent,
            ParticipantsSequence = newer ? e.SequenceNumber ?? s.ParticipantsSequence : s.ParticipantsSequence,
        });
    }

    /// <summary>Connected, and the caller or the destination that answered was seen in the call but is gone now: end it for everyone.</summary>
    private static (AcsCallState, IReadOnlyList<AcsCallAction>) LeftAlone(AcsCallState s)
    {
        var gone = s.Phase == AcsCallPhase.Connected
            && new[] { CallerParty, s.ConnectedTo }.Any(p => p is not null && s.PartiesSeen.Contains(p) && !s.PartiesPresent.Contains(p));
        return gone ? (s with { Phase = AcsCallPhase.Ended, Outcome = s.Outcome ?? "connected" }, [new AcsCallAction.Terminate()]) : (s, []);
    }

    /// <summary>The parties a participant list is matched against: the caller, the current step's destinations, the one that answered.</summary>
    private static IEnumerable<string> Parties(AcsCallState s)
    {
        var parties = s.Invitations.Select(i => i.Destination).Append(s.ConnectedTo ?? "").Where(p => p.Length > 0);
        return (s.CallerRawId is { Length: > 0 } ? parties.Prepend(CallerParty) : parties).Distinct(StringComparer.Ordinal);
    }

    /// <summary>A party's identity key: the caller's rawId; an ACS user id (8:…) as is; a phone number as "4:" + number.</summary>
    private static string PartyKey(AcsCallState s, string party) =>
        party == CallerParty ? s.CallerRawId! : party.StartsWith("8:", StringComparison.Ordinal) ? party : "4:" + party;

    private static (AcsCallState, IReadOnlyList<AcsCallAction>) LegFailed(AcsCallState s, int index)
    {
        var next = s with { Invitations = Replace(s.Invitations, index, s.Invitations[index] with { Failed = true }) };
        return next.Invitations.All(i => i.Failed) ? StartStep(next, s.Step + 1) : (next, []);
    }

    private static (AcsCallState, IReadOnlyList<AcsCallAction>) End(AcsCallState s, string outcome) =>
        (s with { Phase = AcsCallPhase.Ended, Outcome = outcome }, [new AcsCallAction.HangUp()]);

    /// <summary>The leg index of the current step an event belongs to, when the call is ringing that step.</summary>
    private static int? Leg(AcsCallbackEvent e, AcsCallState s)
    {
        if (s.Phase != AcsCallPhase.Ringing || e.OperationContext is null)
        {
            return null;
        }

        var parts = e.OperationContext.Split(':');
        return parts.Length == 3 && parts[0] == "step"
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var step) && step == s.Step
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < s.Invitations.Count
            ? index
            : null;
    }

    private static List<AcsInvitation> Replace(IReadOnlyList<AcsInvitation> list, int index, AcsInvitation value)
    {
        var copy = list.ToList();
        copy[index] = value;
        return copy;
    }
}
