using System.Text.Json.Serialization;

namespace Smartnumbers.Core.Scheduling;

/// <summary>Where one half of a scheduled plan switch (its activation or its deactivation) stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScheduleStatus>))]
public enum ScheduleStatus
{
    /// <summary>Waiting for its time.</summary>
    [JsonStringEnumMemberName("pending")] Pending,
    /// <summary>Switched the plan (or found it already as asked).</summary>
    [JsonStringEnumMemberName("fired")] Fired,
    /// <summary>Did nothing because routing had changed meanwhile (e.g. another plan is active).</summary>
    [JsonStringEnumMemberName("skipped")] Skipped,
    /// <summary>Could not switch (e.g. the plan was unloaded meanwhile).</summary>
    [JsonStringEnumMemberName("failed")] Failed,
    /// <summary>Cancelled by an operator before it fired.</summary>
    [JsonStringEnumMemberName("cancelled")] Cancelled,
}
