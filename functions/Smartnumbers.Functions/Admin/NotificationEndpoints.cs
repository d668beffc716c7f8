using System.Text.Json.Nodes;
using Smartnumbers.Core.Notifications;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.ApiKeys;

namespace Smartnumbers.Functions.Admin;

/// <summary>
/// /api/accounts/{account}/notifications: who is told what by email and webhook, and the digest's schedule. The
/// webhook secret is write-only: answers omit it, a PUT without one keeps the stored secret, and the audit trail only
/// says whether one is set.
/// </summary>
internal static class NotificationEndpoints
{
    private const string Resource = "notifications";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("notifications", GetNotifications);
        group.MapPut("notifications", PutNotifications).Needs(ApiKeyRole.Admin);
        group.MapDelete("notifications", DeleteNotifications).Needs(ApiKeyRole.Admin);
    }

    public static async Task<IResult> GetNotifications(string account, HttpContext http, ConfigDocuments documents, CancellationToken ct)
    {
        var found = await documents.GetAsync(account, ConfigRows.Notifications, ConfigJsonContext.Web.NotificationSettings, ct);
        return found is { } f
            ? AdminResults.WithETag(http, f.ETag, TypedResults.Json(WithoutSecret(f.Document), ConfigJsonContext.Web.NotificationSettings))
            : AdminResults.NotFound();
    }

    public static Task<IResult> PutNotifications(string account, HttpContext http, ConfigDocuments documents, IDocumentValidator validator, CancellationToken ct) =>
        DocumentResource.PutAsync(http, ConfigJsonContext.Strict.NotificationSettings, ConfigJsonContext.Web.NotificationSettings,
            validator.Validate,
            null,
            async (doc, ifMatch) =>
            {
                if (doc.Webhook is { Secret: null } hook
                    && (await documents.GetAsync(account, ConfigRows.Notifications, ConfigJsonContext.Web.NotificationSettings, ct))?.Document.Webhook?.Secret is { } kept)
                {
                    doc = doc with { Webhook = hook with { Secret = kept } };
                }

                return await documents.PutAsync(account, ConfigRows.Notifications, doc, ConfigJsonContext.Web.NotificationSettings, ifMatch, http.Actor(), Resource, ct, AuditView);
            },
            ConfigRows.Notifications, ct, WithoutSecret);

    public static Task<IResult> DeleteNotifications(string account, HttpContext http, ConfigDocuments documents, CancellationToken ct) =>
        DocumentResource.DeleteAsync(http, documents, account, ConfigRows.Notifications, Resource, ct, AuditView);

    private static NotificationSettings WithoutSecret(NotificationSettings s) =>
        s.Webhook is { } hook ? s with { Webhook = hook with { Secret = null } } : s;

    /// <summary>What the audit keeps of a stored document: the webhook's secret replaced by <c>"secretSet": true|false</c>.</summary>
    private static string AuditView(string json)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        if (document["webhook"] is JsonObject hook)
        {
            var secretSet = hook["secret"] is JsonValue secret && secret.TryGetValue<string>(out var value) && value.Length > 0;
            hook.Remove("secret");
            hook["secretSet"] = secretSet;
        }

        return document.ToJsonString();
    }
}
