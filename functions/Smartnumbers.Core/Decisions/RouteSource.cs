using System.Text.Json.Serialization;

namespace Smartnumbers.Core.Decisions;

/// <summary>Which configuration chose the route of a connected call.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RouteSource>))]
public enum RouteSource
{
    /// <summary>An unexpired personal override of the called number.</summary>
    [JsonStringEnumMemberName("override")] Override,
    /// <summary>The active dial plan (its entry for the number, or its default route).</summary>
    [JsonStringEnumMemberName("plan")] Plan,
    /// <summary>The number's normal route.</summary>
    [JsonStringEnumMemberName("normal")] Normal,
    /// <summary>The fraud policy's high-risk route (a divert within the hourly cap).</summary>
    [JsonStringEnumMemberName("fraud")] Fraud,
    /// <summary>The fraud policy's trusted route, for allow-listed callers.</summary>
    [JsonStringEnumMemberName("trusted")] Trusted,
    /// <summary>The deployment's emergency route (the owner of the number could not be read in time).</summary>
    [JsonStringEnumMemberName("emergency")] Emergency,
}
