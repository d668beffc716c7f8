using System.Text.Json.Serialization;

namespace Smartnumbers.Core.Configuration;

/// <summary>What a staff member may do on the dial-in line.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StaffRole>))]
public enum StaffRole
{
    /// <summary>May set and cancel a personal override for their own numbers.</summary>
    [JsonStringEnumMemberName("staff")] Staff,
    /// <summary>May also activate and deactivate loaded dial plans.</summary>
    [JsonStringEnumMemberName("operator")] Operator,
}
