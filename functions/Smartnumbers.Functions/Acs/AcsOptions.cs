namespace Smartnumbers.Functions.Acs;

/// <summary>
/// Azure Communication Services settings, section "Acs". The area is off (its endpoints answer 403) until
/// <see cref="ConnectionString"/> or <see cref="Endpoint"/> is set; then the rest is validated on start.
/// </summary>
public sealed class AcsOptions
{
    public const string Section = "Acs";

    /// <summary>The api-version the official SDK (@azure/communication-call-automation 1.6.0) sends, verified by capture.</summary>
    public const string DefaultApiVersion = "2026-03-12";

    public const string DefaultCallbackIssuer = "https://acscallautomation.communication.azure.com";
    public const string DefaultCallbackJwksUri = "https://acscallautomation.communication.azure.com/calling/keys";

    /// <summary><c>endpoint=https://…/;accesskey=…</c>: requests are HMAC-SHA256 signed with the key.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>https://{resource}.communication.azure.com: requests carry an Entra token (managed identity).</summary>
    public string? Endpoint { get; set; }

    /// <summary>The ACS resource's immutable id (a GUID): the audience of callback tokens.</summary>
    public string? ResourceId { get; set; }

    /// <summary>Public base URL of this app (e.g. https://smartnumbers.azurewebsites.net); callbacks go to {base}/api/acs/callbacks.</summary>
    public string? CallbackBaseUrl { get; set; }

    /// <summary>Accepted values of the <c>secret</c> query parameter, comma-separated (old and new during rotation).</summary>
    public string? EventGridSecret { get; set; }

    public EventGridAuthMode EventGridAuth { get; set; } = EventGridAuthMode.Secret;

    /// <summary>Entra tenant of the Event Grid webhook app (Entra mode).</summary>
    public string? EventGridTenantId { get; set; }

    /// <summary>The webhook app's id or app id URI: the audience of Event Grid's tokens (Entra mode).</summary>
    public string? EventGridAudience { get; set; }

    /// <summary>Signing keys for Event Grid tokens; default https://login.microsoftonline.com/{tenant}/discovery/v2.0/keys.</summary>
    public string? EventGridJwksUri { get; set; }

    /// <summary>The ACS phone number (E.164) shown as caller ID on PSTN legs we add.</summary>
    public string? CallerId { get; set; }

    public string ApiVersion { get; set; } = DefaultApiVersion;

    public string CallbackIssuer { get; set; } = DefaultCallbackIssuer;

    public string CallbackJwksUri { get; set; } = DefaultCallbackJwksUri;

    /// <summary>Audience of callback tokens; defaults to <see cref="ResourceId"/>.</summary>
    public string? CallbackAudience { get; set; }

    /// <summary>Budget for one REST operation including retries (1–20 s; the call rings 30 s).</summary>
    public double OperationTimeoutSeconds { get; set; } = 8;

    /// <summary>Budget for one attempt (0.5–10 s).</summary>
    public double AttemptTimeoutSeconds { get; set; } = 3;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(ConnectionString) || !string.IsNullOrWhiteSpace(Endpoint);

    public string? EffectiveCallbackAudience => string.IsNullOrWhiteSpace(CallbackAudience) ? ResourceId : CallbackAudience;

    public IReadOnlyList<string> EventGridSecrets =>
        (EventGridSecret ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool RequiresSecret => EventGridAuth is EventGridAuthMode.Secret or EventGridAuthMode.Both;

    public bool RequiresEntra => EventGridAuth is EventGridAuthMode.Entra or EventGridAuthMode.Both;

    public string EffectiveEventGridJwksUri => string.IsNullOrWhiteSpace(EventGridJwksUri)
        ? $"https://login.microsoftonline.com/{EventGridTenantId}/discovery/v2.0/keys"
        : EventGridJwksUri;
}
