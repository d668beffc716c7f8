using System.Text.Json.Serialization;

namespace Smartnumbers.Functions.Tests.Events;

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class TestEventJsonContext : JsonSerializerContext;
