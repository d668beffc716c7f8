namespace Smartnumbers.Functions.Admin;

/// <summary>A page of the audit trail, newest first; pass <see cref="Continuation"/> back as ?continuation= for the next.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, string? Continuation);
