namespace Smartnumbers.Functions.Notifications;

/// <summary>The notification outbox as GET /api/health reports it (from the latest delivery pass on this instance).</summary>
/// <param name="Pending">Entries not yet delivered on every channel.</param>
/// <param name="Failed">Entries with a channel given up, kept for an operator (purged two days after they were raised).</param>
/// <param name="EmailConfigured">False while Notifications__SenderAddress is unset.</param>
public sealed record NotificationFigures(int Pending, int Failed, bool EmailConfigured);
