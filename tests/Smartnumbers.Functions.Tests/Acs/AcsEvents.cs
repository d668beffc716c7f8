using System.Text.Json.Nodes;

namespace Smartnumbers.Functions.Tests.Acs;

/// <summary>Event Grid and Call Automation payloads as the services send them.</summary>
public static class AcsEvents
{
    public const string Topic = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Communication/communicationServices/acs";

    public static JsonObject IncomingCallData(string to, string? from, string context)
    {
        var caller = from is null
            ? new JsonObject { ["kind"] = "phoneNumber", ["rawId"] = "4:anonymous", ["phoneNumber"] = new JsonObject { ["value"] = "anonymous", ["isAnonymous"] = true } }
            : new JsonObject { ["kind"] = "phoneNumber", ["rawId"] = "4:" + from, ["phoneNumber"] = new JsonObject { ["value"] = from } };
        return new JsonObject
        {
            ["to"] = new JsonObject { ["kind"] = "phoneNumber", ["rawId"] = "4:" + to, ["phoneNumber"] = new JsonObject { ["value"] = to } },
            ["from"] = caller,
            ["serverCallId"] = "server-" + Guid.NewGuid().ToString("N"),
            ["callerDisplayName"] = "",
            ["customContext"] = new JsonObject { ["sipHeaders"] = new JsonObject(), ["voipHeaders"] = new JsonObject() },
            ["incomingCallContext"] = context,
            ["correlationId"] = Guid.NewGuid().ToString(),
        };
    }

    /// <summary>An Event Grid schema event (deliveries are arrays of these).</summary>
    public static JsonObject EventGrid(string id, string type, JsonNode data) => new()
    {
        ["id"] = id,
        ["topic"] = Topic,
        ["subject"] = "/caller/x/recipient/y",
        ["data"] = data,
        ["eventType"] = type,
        ["dataVersion"] = "1.0",
        ["metadataVersion"] = "1",
        ["eventTime"] = "2026-01-10T17:18:42.55Z",
    };

    public static JsonObject CloudEvent(string id, string type, JsonNode data) => new()
    {
        ["id"] = id,
        ["source"] = Topic,
        ["subject"] = "/caller/x/recipient/y",
        ["type"] = type,
        ["specversion"] = "1.0",
        ["time"] = "2026-01-10T17:18:42.55Z",
        ["data"] = data,
    };

    /// <summary>
    /// ParticipantsUpdated as ACS sends it: every participant of the call by identifier, including the app's own
    /// (an 8:acs: id); rawIds starting "4:" are phone numbers, others ACS users.
    /// </summary>
    public static JsonArray ParticipantsUpdated(string callConnectionId, int sequenceNumber, params string[] rawIds)
    {
        var callback = Callback("ParticipantsUpdated", callConnectionId, null);
        var data = callback[0]!["data"]!.AsObject();
        data.Remove("operationContext");
        data["sequenceNumber"] = sequenceNumber;
        var participants = new JsonArray();
        foreach (var rawId in rawIds)
        {
            var identifier = rawId.StartsWith("4:", StringComparison.Ordinal)
                ? new JsonObject { ["kind"] = "phoneNumber", ["rawId"] = rawId, ["phoneNumber"] = new JsonObject { ["value"] = rawId[2..] } }
                : new JsonObject { ["kind"] = "communicationUser", ["rawId"] = rawId, ["communicationUser"] = new JsonObject { ["id"] = rawId } };
            participants.Add(new JsonObject { ["identifier"] = identifier, ["isMuted"] = false, ["isOnHold"] = false });
        }

        data["participants"] = participants;
        return callback;
    }

    /// <summary>A Call Automation callback (an array of CloudEvents with one event).</summary>
    public static JsonArray Callback(string name, string callConnectionId, string? operationContext, string? id = null, int code = 200, int subCode = 0) =>
    [
        new JsonObject
        {
            ["id"] = id ?? Guid.NewGuid().ToString(),
            ["source"] = "calling/callConnections/" + callConnectionId,
            ["type"] = "Microsoft.Communication." + name,
            ["specversion"] = "1.0",
            ["datacontenttype"] = "application/json",
            ["time"] = "2026-01-10T17:18:45Z",
            ["subject"] = "calling/callConnections/" + callConnectionId,
            ["data"] = new JsonObject
            {
                ["callConnectionId"] = callConnectionId,
                ["serverCallId"] = "server-call",
                ["correlationId"] = Guid.NewGuid().ToString(),
                ["operationContext"] = operationContext,
                ["resultInformation"] = new JsonObject { ["code"] = code, ["subCode"] = subCode, ["message"] = "test" },
            },
        },
    ];
}
