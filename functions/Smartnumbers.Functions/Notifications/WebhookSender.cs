using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Smartnumbers.Core.Notifications;

namespace Smartnumbers.Functions.Notifications;

/// <summary>
/// Posts a notification to an account's HTTPS webhook in the chosen shape, signed when a secret is set:
/// <c>X-Smartnumbers-Signature: sha256=&lt;lowercase hex HMAC-SHA256 of the raw body, keyed with the secret's UTF-8&gt;</c>.
/// </summary>
public sealed class WebhookSender(HttpClient http)
{
    public const string HttpClientName = "notification-webhook";
    public const string SignatureHeader = "X-Smartnumbers-Signature";

    /// <exception cref="NotificationSendException">The receiver did not answer 2xx.</exception>
    public async Task SendAsync(NotificationSettings.WebhookTarget target, Notification notification, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(Payload(target.Format, notification).ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        if (!string.IsNullOrEmpty(target.Secret))
        {
            request.Headers.TryAddWithoutValidation(SignatureHeader, Signature(target.Secret, body));
        }

        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw await NotificationSendException.FromAsync("The webhook", response, ct);
        }
    }

    /// <summary>"sha256=" + lowercase hex HMAC-SHA256 of <paramref name="body"/>.</summary>
    public static string Signature(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>The body in the shape <paramref name="format"/> asks for.</summary>
    public static JsonObject Payload(string format, Notification n) => format switch
    {
        WebhookFormats.Slack => new JsonObject { ["text"] = $"*{n.Title}*\n{n.Text}" },
        WebhookFormats.Teams => TeamsMessage(n),
        _ => new JsonObject
        {
            ["id"] = n.Id,
            ["kind"] = n.Kind,
            ["account"] = n.AccountId,
            ["time"] = n.Time,
            ["title"] = n.Title,
            ["text"] = n.Text,
            ["data"] = JsonNode.Parse(n.DataJson),
        },
    };

    /// <summary>
    /// A message carrying one Adaptive Card (title in bold, then the text), the shape a Teams Workflows webhook ("Send
    /// webhook alerts to a channel") posts as it is, and that the retired Office 365 connector webhooks also took.
    /// </summary>
    private static JsonObject TeamsMessage(Notification n) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.card.adaptive",
            ["contentUrl"] = null,
            ["content"] = new JsonObject
            {
                ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                ["type"] = "AdaptiveCard",
                ["version"] = "1.4",
                ["body"] = new JsonArray(
                    new JsonObject { ["type"] = "TextBlock", ["text"] = n.Title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
                    new JsonObject { ["type"] = "TextBlock", ["text"] = n.Text.Replace("\n", "\n\n", StringComparison.Ordinal), ["wrap"] = true }),
            },
        }),
    };
}
