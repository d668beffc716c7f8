using Smartnumbers.Core.Configuration;

namespace Smartnumbers.Core.Notifications;

/// <summary>
/// An account's <c>notifications</c> document: who is told what, by email and by an HTTPS webhook, and how often the
/// blocked-calls digest goes out.
/// </summary>
public sealed record NotificationSettings
{
    public const int MaxRecipients = 20;

    public IReadOnlyList<EmailRecipient> Email { get; init; } = [];

    public WebhookTarget? Webhook { get; init; }

    public DigestSchedule Digest { get; init; } = new();

    /// <summary>One email recipient and the notifications they get.</summary>
    public sealed record EmailRecipient
    {
        public required string Address { get; init; }

        public IReadOnlyList<string> Notifications { get; init; } = NotificationKinds.All;
    }

    /// <summary>An HTTPS endpoint that gets every chosen notification as JSON, signed with <see cref="Secret"/>.</summary>
    public sealed record WebhookTarget
    {
        public required string Url { get; init; }

        /// <summary>Key of the X-Smartnumbers-Signature HMAC-SHA256 (16–128 characters); never answered back.</summary>
        public string? Secret { get; init; }

        /// <summary>"json" (our own shape, the default), "teams" or "slack" (their incoming-webhook shapes).</summary>
        public string Format { get; init; } = WebhookFormats.Json;

        public IReadOnlyList<string> Notifications { get; init; } = NotificationKinds.All;
    }

    /// <summary>When the blocked-calls digest goes out, in the account's time zone.</summary>
    public sealed record DigestSchedule
    {
        /// <summary>"hourly" or "daily" (the default).</summary>
        public string Interval { get; init; } = DigestIntervals.Daily;

        /// <summary>Daily only: the local hour (0–23) at which the previous day's digest is sent; default 8.</summary>
        public int Hour { get; init; } = 8;

        /// <summary>Send a digest even when the period had no blocked calls.</summary>
        public bool SendWhenEmpty { get; init; }
    }

    /// <summary>Field-level errors; empty when valid.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        var email = Email ?? [];
        if (email.Count > MaxRecipients)
        {
            errors.Add(new("email", $"At most {MaxRecipients} recipients."));
        }

        for (var i = 0; i < email.Count; i++)
        {
            if (email[i] is not { } r)
            {
                errors.Add(new($"email[{i}]", "Required."));
                continue;
            }

            if (!IsEmailAddress(r.Address))
            {
                errors.Add(new($"email[{i}].address", "An email address (name@domain)."));
            }

            Kinds(r.Notifications, $"email[{i}].notifications", errors);
        }

        if (Webhook is { } hook)
        {
            if (!Uri.TryCreate(hook.Url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                errors.Add(new("webhook.url", "An absolute https URL."));
            }

            if (hook.Secret is { } secret && secret.Length is < 16 or > 128)
            {
                errors.Add(new("webhook.secret", "16 to 128 characters."));
            }

            if (!WebhookFormats.All.Contains(hook.Format))
            {
                errors.Add(new("webhook.format", "One of: " + string.Join(", ", WebhookFormats.All) + "."));
            }

            Kinds(hook.Notifications, "webhook.notifications", errors);
        }

        var digest = Digest ?? new();
        if (digest.Interval is not (DigestIntervals.Hourly or DigestIntervals.Daily))
        {
            errors.Add(new("digest.interval", "\"hourly\" or \"daily\"."));
        }

        ConfigChecks.Range(digest.Hour, 0, 23, "digest.hour", errors);
        return errors;
    }

    /// <summary>The email addresses that get <paramref name="kind"/>.</summary>
    public IReadOnlyList<string> EmailRecipientsOf(string kind) =>
        (Email ?? []).Where(r => r.Notifications.Contains(kind)).Select(r => r.Address).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>True when the webhook gets <paramref name="kind"/>.</summary>
    public bool WebhookGets(string kind) => Webhook is { } hook && hook.Notifications.Contains(kind);

    private static void Kinds(IReadOnlyList<string>? kinds, string field, List<FieldError> errors)
    {
        for (var i = 0; i < (kinds?.Count ?? 0); i++)
        {
            if (!NotificationKinds.All.Contains(kinds![i]))
            {
                errors.Add(new($"{field}[{i}]", "One of: " + string.Join(", ", NotificationKinds.All) + "."));
            }
        }
    }

    private static bool IsEmailAddress(string? value) =>
        value is { Length: >= 3 and <= 254 } && value.IndexOf('@', StringComparison.Ordinal) is var at && at > 0 && at < value.Length - 1
        && value.IndexOf('@', at + 1) < 0 && !value.Any(char.IsWhiteSpace) && value[(at + 1)..].Contains('.', StringComparison.Ordinal);
}
