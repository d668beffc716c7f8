using System.Text.Json.Serialization;

namespace Smartnumbers.Core.Risk;

/// <summary>Source-generated JSON for the model document (camelCase).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(RiskModelDocument))]
internal sealed partial class RiskModelJsonContext : JsonSerializerContext;
