using System.Text.Json;

namespace Smartnumbers.Functions.Admin;

/// <summary>One audit row as GET …/audit returns it. <see cref="Before"/>/<see cref="After"/> are the documents (null when absent).</summary>
public sealed record AuditEntry(DateTimeOffset At, string Who, string Role, string Channel, string Action, string Resource, JsonElement? Before, JsonElement? After);
