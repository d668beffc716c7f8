namespace Smartnumbers.Functions.Notifications;

/// <summary>
/// One notification waiting in the outbox. <see cref="Id"/> is stable (derived from what happened, e.g.
/// "divert-cap:{account}:{number}:{hour}"), so enqueueing the same thing twice keeps one entry.
/// </summary>
/// <param name="Kind">A <see cref="Smartnumbers.Core.Notifications.NotificationKinds"/> value.</param>
/// <param name="Title">One line, the email subject.</param>
/// <param name="Text">Plain text for people, the email body.</param>
/// <param name="DataJson">The facts as a JSON object, carried in the webhook's <c>data</c>.</param>
public sealed record Notification(string Id, string AccountId, string Kind, DateTimeOffset Time, string Title, string Text, string DataJson);
