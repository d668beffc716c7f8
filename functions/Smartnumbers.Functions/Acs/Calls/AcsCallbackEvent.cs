using System.Text.Json;
using Smartnumbers.Functions.Acs.Events;

namespace Smartnumbers.Functions.Acs.Calls;

/// <summary>A mid-call event, by its short name (CallConnected, AddParticipantFailed, RecognizeCompleted, …).</summary>
/// <param name="Data">A detached copy of the event's data, for flow handlers.</param>
public sealed record AcsCallbackEvent(
    string Id, string Name, string? CallConnectionId, string? OperationContext, int? ResultCode, int? ResultSubCode, string? ResultMessage, JsonElement Data)
{
    /// <summary>Internal: participants:add replied with an invitation id (OperationContext names the leg).</summary>
    public const string InvitationSent = "Smartnumbers.InvitationSent";

    public static AcsCallbackEvent From(EventEnvelope envelope)
    {
        var name = envelope.Type;
        var dot = name.LastIndexOf('.');
        name = dot >= 0 ? name[(dot + 1)..] : name;
        var data = envelope.Data.ValueKind == JsonValueKind.Object ? envelope.Data.Clone() : default;
        int? code = null, subCode = null;
        string? message = null;
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("resultInformation", out var r) && r.ValueKind == JsonValueKind.Object)
        {
            code = Int(r, "code");
            subCode = Int(r, "subCode");
            message = Text(r, "message");
        }

        return new AcsCallbackEvent(envelope.Id, name, Text(data, "callConnectionId"), Text(data, "operationContext"), code, subCode, message, data);
    }

    public static AcsCallbackEvent Synthetic(string name, string? operationContext, string? invitationId = null) =>
        new("local:" + Guid.NewGuid().ToString("N"), name, null, operationContext, null, null, invitationId, default);

    /// <summary>DTMF tones of RecognizeCompleted (<c>dtmfResult.tones</c>, or pre-GA <c>collectTonesResult.tones</c>).</summary>
    public IReadOnlyList<string> Tones
    {
        get
        {
            foreach (var holder in new[] { "dtmfResult", "collectTonesResult" })
            {
                if (Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(holder, out var h) && h.ValueKind == JsonValueKind.Object
                    && h.TryGetProperty("tones", out var tones) && tones.ValueKind == JsonValueKind.Array)
                {
                    return tones.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList();
                }
            }

            return [];
        }
    }

    /// <summary>ParticipantsUpdated: its <c>sequenceNumber</c> (events arrive unordered; null when absent).</summary>
    public int? SequenceNumber => Data.ValueKind == JsonValueKind.Object ? Int(Data, "sequenceNumber") : null;

    /// <summary>
    /// ParticipantsUpdated: who is in the call (the app itself included), as identity keys: each participant's
    /// <c>rawId</c>, "4:" + its <c>phoneNumber.value</c> and its <c>communicationUser.id</c>.
    /// </summary>
    public IReadOnlySet<string> ParticipantKeys
    {
        get
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            if (Data.ValueKind != JsonValueKind.Object || !Data.TryGetProperty("participants", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return keys;
            }

            foreach (var participant in list.EnumerateArray())
            {
                if (participant.ValueKind != JsonValueKind.Object || !participant.TryGetProperty("identifier", out var id) || id.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                keys.Add(Text(id, "rawId") ?? "");
                if (id.TryGetProperty("phoneNumber", out var phone) && Text(phone, "value") is { } number)
                {
                    keys.Add("4:" + number);
                }

                if (id.TryGetProperty("communicationUser", out var user) && Text(user, "id") is { } userId)
                {
                    keys.Add(userId);
                }
            }

            keys.Remove("");
            return keys;
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
}
