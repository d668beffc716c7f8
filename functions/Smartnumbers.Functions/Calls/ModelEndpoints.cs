using Smartnumbers.Core.Risk;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Admin;

namespace Smartnumbers.Functions.Calls;

/// <summary>POST /api/accounts/{account}/model:refit (admin): refits the account's risk model from its labelled calls.</summary>
internal static class ModelEndpoints
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("model:refit", Refit);

    public static async Task<IResult> Refit(string account, HttpContext http, ConfigDocuments documents, CallLabels labels, AccountRiskModels models, CallAudit audit, TimeProvider time, CancellationToken ct)
    {
        if (!await documents.AccountExistsAsync(account, ct))
        {
            return AdminResults.NotFound();
        }

        var examples = new List<LabelledCall>();
        await foreach (var example in labels.ExamplesAsync(account, ct))
        {
            examples.Add(example);
        }

        var frauds = examples.Count(e => e.Fraud);
        if (frauds == 0 || frauds == examples.Count)
        {
            return AdminResults.Invalid("labels", $"refitting needs at least one call labelled fraud and one labelled genuine (the account has {frauds} fraud, {examples.Count - frauds} genuine).");
        }

        var model = new RiskModelTrainer().Fit(examples, 0.5);
        var auc = ModelEvaluator.Auc(model, examples);
        await models.StoreAsync(account, model, examples.Count, auc, http.Caller().KeyId, ct);
        var weights = CallDnaCatalogue.All.ToDictionary(a => a.Name, a => model.WeightOf(a.Name), StringComparer.Ordinal);
        var response = new RefitResponse
        {
            Bias = model.Bias,
            Weights = weights,
            TrainedExamples = examples.Count,
            FraudExamples = frauds,
            GenuineExamples = examples.Count - frauds,
            TrainingAuc = auc,
            DefaultModelAuc = ModelEvaluator.Auc(RiskModel.Default, examples),
            FittedAt = time.GetUtcNow(),
        };
        await audit.WriteAsync(account, "model:refit", null, model.ToJson(examples.Count), http.Actor(), ct);
        return TypedResults.Json(response, CallsJsonContext.Api.RefitResponse);
    }
}
