using System.Text.Json;

namespace Smartnumbers.Functions.Admin;

/// <summary>One audit row as GET …/audit returns it. <see cref="Before"/>/<see cref="After"/> are the documents (null when absent);
/// <see cref="Note"/> says in words what the documents do not (e.g. "skipped: plan leeds-closed is no longer active").</summary>
public sealed record AuditEntry(DateTimeOffset At, string Who, string Role, string Channel, string Action, string Resource, JsonElement? Before, JsonElement? After, string? Note = null);
