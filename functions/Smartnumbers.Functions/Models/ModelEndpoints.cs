using System.Globalization;
using Smartnumbers.Core.Risk;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Admin;
using Smartnumbers.Functions.ApiKeys;

namespace Smartnumbers.Functions.Models;

/// <summary>
/// /api/accounts/{account}/model: refit into a candidate (admin), read the live model, the candidate with its held-out
/// evaluation and the history (viewer), promote the candidate and roll back to an earlier version (admin, If-Match
/// required: the ETag of GET …/model).
/// </summary>
internal static class ModelEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("model:refit", Refit);
        group.MapGet("model", Get);
        group.MapGet("model/candidate", GetCandidate);
        group.MapGet("model/history", GetHistory);
        group.MapPost("model:promote", Promote).Needs(ApiKeyRole.Admin);
        group.MapPost("model:rollback", RollBack).Needs(ApiKeyRole.Admin);
    }

    public static async Task<IResult> Refit(string account, HttpContext http, ConfigDocuments documents, ModelRefit refit, CancellationToken ct)
    {
        if (!await documents.AccountExistsAsync(account, ct))
        {
            return AdminResults.NotFound();
        }

        var outcome = await refit.RunAsync(account, http.Actor(), ct);
        if (outcome.Shortfall is { } needed)
        {
            return AdminResults.Invalid("labels", string.Create(CultureInfo.InvariantCulture,
                $"refitting needs at least {needed.FraudNeeded + outcome.FraudLabels} fraud and {needed.GenuineNeeded + outcome.GenuineLabels} genuine labelled calls in the training window (calls rejected before scoring do not count); the account has {outcome.FraudLabels} fraud and {outcome.GenuineLabels} genuine: label {needed.FraudNeeded} more fraud and {needed.GenuineNeeded} more genuine."));
        }

        var candidate = outcome.Candidate!;
        var model = RiskModel.FromDocument(candidate.Model);
        return TypedResults.Json(new RefitResponse
        {
            Version = candidate.Version,
            LiveVersion = candidate.ComparedWithVersion,
            Bias = model.Bias,
            Weights = CallDnaCatalogue.All.ToDictionary(a => a.Name, a => model.WeightOf(a.Name), StringComparer.Ordinal),
            LabelledExamples = outcome.FraudLabels + outcome.GenuineLabels,
            FraudExamples = outcome.FraudLabels,
            GenuineExamples = outcome.GenuineLabels,
            TrainedExamples = candidate.TrainingExamples,
            HeldOutExamples = candidate.Evaluation!.Candidate.Calls,
            BaseRate = candidate.BaseRate,
            ScoredCalls = candidate.ScoredCalls,
            TrainingAuc = outcome.TrainingAuc is { } auc && double.IsFinite(auc) ? auc : null,
            Evaluation = candidate.Evaluation,
            DefaultModel = outcome.DefaultModel,
            FittedAt = candidate.FittedAt,
        }, ModelJsonContext.Default.RefitResponse);
    }

    public static async Task<IResult> Get(string account, HttpContext http, ConfigDocuments documents, ModelStore models, CancellationToken ct)
    {
        if (!await documents.AccountExistsAsync(account, ct))
        {
            return AdminResults.NotFound();
        }

        return await StatusAsync(http, account, models, ct);
    }

    public static async Task<IResult> GetCandidate(string account, HttpContext http, ModelStore models, CancellationToken ct)
    {
        var (registry, etag) = await models.RegistryAsync(account, ct);
        return registry.CandidateVersion is { } version && await models.VersionAsync(account, version, ct) is { } candidate
            ? AdminResults.WithETag(http, etag, TypedResults.Json(candidate, ModelJsonContext.Default.StoredModel))
            : AdminResults.NotFound("The account has no candidate model: refit first.");
    }

    public static async Task<IResult> GetHistory(string account, HttpContext http, ConfigDocuments documents, ModelStore models, CancellationToken ct)
    {
        if (!await documents.AccountExistsAsync(account, ct))
        {
            return AdminResults.NotFound();
        }

        var (registry, etag) = await models.RegistryAsync(account, ct);
        var history = new ModelHistory { LiveVersion = registry.LiveVersion, Changes = registry.History, Versions = await models.VersionsAsync(account, ct) };
        return AdminResults.WithETag(http, etag, TypedResults.Json(history, ModelJsonContext.Default.ModelHistory));
    }

    public static async Task<IResult> Promote(string account, HttpContext http, ModelStore models, CancellationToken ct)
    {
        if (IfMatchRequired(http) is { } missing)
        {
            return missing;
        }

        var request = new PromoteRequest();
        if (http.Request.ContentLength is > 0)
        {
            var (body, error) = await AdminJson.ReadAsync(http.Request, ModelJsonContext.Requests.PromoteRequest, ct);
            if (error is not null)
            {
                return error;
            }

            request = body!;
        }

        return await AnswerAsync(http, account, models, await models.PromoteAsync(account, AdminResults.IfMatch(http.Request)!, request.Force, http.Actor(), ct), ct);
    }

    public static async Task<IResult> RollBack(string account, HttpContext http, ModelStore models, CancellationToken ct)
    {
        if (IfMatchRequired(http) is { } missing)
        {
            return missing;
        }

        var (request, error) = await AdminJson.ReadAsync(http.Request, ModelJsonContext.Requests.RollbackRequest, ct);
        if (error is not null)
        {
            return error;
        }

        if (request!.Version is not { } version || version < 0)
        {
            return AdminResults.Invalid("version", "is required: the version to make live again (0 = the default weights).");
        }

        return await AnswerAsync(http, account, models, await models.RollBackAsync(account, version, AdminResults.IfMatch(http.Request)!, http.Actor(), ct), ct);
    }

    /// <summary>428 when the request carries no If-Match: a promotion or roll back must name the registry it was decided on.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? IfMatchRequired(HttpContext http) => AdminResults.IfMatch(http.Request) is null
        ? TypedResults.Problem("Send If-Match with the ETag of GET …/model.", statusCode: StatusCodes.Status428PreconditionRequired,
            title: "If-Match is required.", extensions: new Dictionary<string, object?> { ["field"] = "If-Match" })
        : null;

    private static async Task<IResult> AnswerAsync(HttpContext http, string account, ModelStore models, WriteResult result, CancellationToken ct)
    {
        if (result.Outcome != WriteOutcome.Done)
        {
            return AdminResults.Refused(result);
        }

        return await StatusAsync(http, account, models, ct);
    }

    /// <summary>The answer of GET …/model (and of a promotion or roll back): the registry as it is now, with its ETag.</summary>
    private static async Task<IResult> StatusAsync(HttpContext http, string account, ModelStore models, CancellationToken ct)
    {
        var (registry, etag) = await models.RegistryAsync(account, ct);
        var candidate = registry.CandidateVersion is { } version ? await models.VersionAsync(account, version, ct) : null;
        var status = new ModelStatus { LiveVersion = registry.LiveVersion, Live = registry.Live, Candidate = candidate, History = registry.History };
        return AdminResults.WithETag(http, etag, TypedResults.Json(status, ModelJsonContext.Default.ModelStatus));
    }
}
