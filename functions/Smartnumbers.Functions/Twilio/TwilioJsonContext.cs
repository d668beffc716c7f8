using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smartnumbers.Functions.Twilio;

/// <summary>Source-generated JSON for what the Twilio adapter serializes (the dial sequence in action URLs).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DialSequence))]
internal sealed partial class TwilioJsonContext : JsonSerializerContext;
