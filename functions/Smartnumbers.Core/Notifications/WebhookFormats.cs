namespace Smartnumbers.Core.Notifications;

/// <summary>The payload shapes a notification webhook can take.</summary>
public static class WebhookFormats
{
    /// <summary>Our own JSON: <c>{"id","kind","account","time","title","text","data"}</c>.</summary>
    public const string Json = "json";

    /// <summary>A Microsoft Teams Workflows webhook: a message with one Adaptive Card, <c>{"type":"message","attachments":[…]}</c>.</summary>
    public const string Teams = "teams";

    /// <summary>A Slack incoming webhook: <c>{"text"}</c>.</summary>
    public const string Slack = "slack";

    public static IReadOnlyList<string> All { get; } = [Json, Teams, Slack];
}
