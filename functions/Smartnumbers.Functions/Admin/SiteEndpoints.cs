using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.ApiKeys;
using Smartnumbers.Functions.DeliveryHealth;

namespace Smartnumbers.Functions.Admin;

/// <summary>/api/accounts/{account}/sites/{site}: delivery sites (configuration; live health is written by the probes).</summary>
internal static class SiteEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("sites", ListSites);
        group.MapGet("sites/{site}", GetSite);
        group.MapPut("sites/{site}", PutSite).Needs(ApiKeyRole.Admin);
        group.MapDelete("sites/{site}", DeleteSite).Needs(ApiKeyRole.Admin);
    }

    public static Task<IResult> ListSites(string account, ConfigDocuments documents, CancellationToken ct) =>
        DocumentResource.ListAsync(documents, account, ConfigRows.SitePrefix, ConfigJsonContext.Web.Site, ct);

    public static async Task<IResult> GetSite(string account, string site, HttpContext http, ConfigDocuments documents, ISiteHealthReader probes, CancellationToken ct)
    {
        var found = await documents.GetAsync(account, ConfigRows.Site(site), ConfigJsonContext.Web.Site, ct);
        if (found is not { } f)
        {
            return AdminResults.NotFound();
        }

        var state = await documents.Store.GetAsync(account, ConfigRows.SiteState(site), ct);
        var probed = await probes.ReadSiteAsync(account, site, ct);
        var body = JsonSerializer.SerializeToNode(f.Document, ConfigJsonContext.Web.Site)!.AsObject();
        body["health"] = new JsonObject
        {
            // What routing uses (the mirror the probes keep in the account's configuration).
            ["state"] = state?.Entity.GetBoolean(ConfigRows.SiteDownProperty) == true ? "down" : "up",
            ["since"] = Iso(probed?.Since ?? state?.Entity.Timestamp),
            // The latest probe round: when, what it found, and how many rounds in a row failed or passed.
            ["lastProbeAt"] = Iso(probed?.LastRoundAt),
            ["lastResult"] = probed?.LastDetail,
            ["consecutiveFailures"] = probed?.ConsecutiveFailures ?? 0,
            ["consecutiveSuccesses"] = probed?.ConsecutiveSuccesses ?? 0,
        };
        return AdminResults.WithETag(http, f.ETag, TypedResults.Json(body, ConfigJsonContext.Web.JsonObject));
    }

    private static string? Iso(DateTimeOffset? at) => at?.ToString("O", CultureInfo.InvariantCulture);

    public static Task<IResult> PutSite(string account, string site, HttpContext http, ConfigDocuments documents, IDocumentValidator validator, CancellationToken ct)
    {
        if (!AccountIds.IsValid(site))
        {
            return Task.FromResult(AdminResults.Invalid("site", "must be 1–40 of a-z, 0-9 and '-'."));
        }

        return DocumentResource.PutAsync(http, ConfigJsonContext.Strict.Site, ConfigJsonContext.Web.Site,
            validator.Validate,
            doc => AccountReferences.UnknownPlanAsync(documents, account, doc.FailoverPlan, "failoverPlan", ct),
            (doc, ifMatch) => documents.PutAsync(account, ConfigRows.Site(site), doc, ConfigJsonContext.Web.Site, ifMatch, http.Actor(), "sites/" + site, ct),
            ConfigRows.Site(site), ct);
    }

    public static Task<IResult> DeleteSite(string account, string site, HttpContext http, ConfigDocuments documents, CancellationToken ct) =>
        DocumentResource.DeleteAsync(http, documents, account, ConfigRows.Site(site), "sites/" + site, ct);
}
