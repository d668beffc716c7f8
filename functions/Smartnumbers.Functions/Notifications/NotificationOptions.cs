using System.ComponentModel.DataAnnotations;

namespace Smartnumbers.Functions.Notifications;

/// <summary>
/// Settings of notifications, section "Notifications". Email goes through ACS Email with the connection string of
/// section "Acs" (HMAC-signed); it is off until <see cref="SenderAddress"/> is set.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>The ACS Email api-version the Node SDK @azure/communication-email 1.1.0 sends.</summary>
    public const string DefaultEmailApiVersion = "2025-09-01";

    /// <summary>From address of a domain linked to the ACS resource, e.g. DoNotReply@{guid}.azurecomm.net.</summary>
    public string? SenderAddress { get; set; }

    public string EmailApiVersion { get; set; } = DefaultEmailApiVersion;

    /// <summary>Sends per channel before an entry is kept as failed for an operator (1–20; default 5).</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay; doubles per attempt (1–3600 s; default 30).</summary>
    [Range(1, 3600)]
    public int RetryDelaySeconds { get; set; } = 30;

    /// <summary>How long a claim lasts; a channel still "sending" after it is not sent again (10–600 s; default 120).</summary>
    [Range(10, 600)]
    public int ClaimSeconds { get; set; } = 120;

    /// <summary>Per-request timeout for ACS Email and webhooks (1–60 s; default 10).</summary>
    [Range(1, 60)]
    public int RequestTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// The public base URL of this app (e.g. https://myapp.azurewebsites.net). When set, the blocked-calls digest links to
    /// the console's call log filtered to the digest's calls ({base}/api/console/#/calls?…); unset, it has no link.
    /// </summary>
    [Url]
    public string? ConsoleBaseUrl { get; set; }

    public bool EmailConfigured => !string.IsNullOrWhiteSpace(SenderAddress);
}
