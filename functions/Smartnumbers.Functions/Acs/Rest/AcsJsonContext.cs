using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>Source-generated JSON for the Call Automation REST API: camelCase, nulls omitted.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AnswerCallRequest))]
[JsonSerializable(typeof(CallConnectionProperties))]
[JsonSerializable(typeof(RedirectCallRequest))]
[JsonSerializable(typeof(RejectCallRequest))]
[JsonSerializable(typeof(PlayRequest))]
[JsonSerializable(typeof(RecognizeRequest))]
[JsonSerializable(typeof(AddParticipantRequest))]
[JsonSerializable(typeof(AddParticipantResponse))]
[JsonSerializable(typeof(CancelAddParticipantRequest))]
[JsonSerializable(typeof(TransferToParticipantRequest))]
[JsonSerializable(typeof(AcsErrorResponse))]
internal sealed partial class AcsJsonContext : JsonSerializerContext;
