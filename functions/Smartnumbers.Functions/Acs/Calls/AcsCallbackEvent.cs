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

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
}
