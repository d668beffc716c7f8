using System.Diagnostics;
using System.Globalization;
using Smartnumbers.ModelEval;

// Generates the documented evaluation set (or one of another seed: --seed N), prints its mix, and measures the default
// model and a refit on a 70/30 time split. See docs/core.md, "The labelled evaluation set".
var seed = args.Length == 2 && args[0] == "--seed" ? int.Parse(args[1], CultureInfo.InvariantCulture) : EvaluationSetOptions.DocumentedSeed;
var clock = Stopwatch.StartNew();
var options = new EvaluationSetOptions { Seed = seed };
var calls = EvaluationSetGenerator.Generate(options);
var generated = clock.Elapsed;
var figures = HeldOutEvaluation.Measure(calls);
var measured = clock.Elapsed - generated;

var inv = CultureInfo.InvariantCulture;
var fraud = calls.Count(c => c.Fraud);
Console.WriteLine(string.Create(inv, $"seed {seed}: {calls.Count} calls from {calls[0].At:yyyy-MM-dd} to {calls[^1].At:yyyy-MM-dd}, {fraud} fraud ({100.0 * fraud / calls.Count:0.00} %), generated in {generated.TotalSeconds:0.0} s"));
foreach (var group in calls.GroupBy(c => c.Pattern).OrderBy(g => g.Key))
{
    var of = group.Key.IsFraud() ? fraud : calls.Count - fraud;
    Console.WriteLine(string.Create(inv, $"  {group.Key,-22} {group.Count(),6}  {100.0 * group.Count() / of,5:0.0} % of {(group.Key.IsFraud() ? "fraud" : "genuine")}"));
}
var genuine = calls.Where(c => !c.Fraud).ToArray();
Console.WriteLine(string.Create(inv, $"  repeat callers: {100.0 * genuine.Count(c => c.RepeatCaller) / genuine.Length:0.0} % of genuine calls"));
Console.WriteLine(string.Create(inv, $"time split at {figures.SplitAt:yyyy-MM-dd HH:mm} UTC: train {figures.TrainingCalls} ({figures.TrainingFraud} fraud), held out {figures.HeldOutCalls} ({figures.HeldOutFraud} fraud)"));
Console.WriteLine(string.Create(inv, $"held-out AUC: default {figures.DefaultAuc:0.000}, refit {figures.RefitAuc:0.000} (refit on its training calls {figures.RefitTrainingAuc:0.000}); measured in {measured.TotalSeconds:0.0} s"));
Console.WriteLine(string.Create(inv, $"held-out Brier score: default {figures.Default.BrierScore:0.0000}, refit {figures.Refit.BrierScore:0.0000}"));
Console.WriteLine(string.Create(inv, $"held-out precision / recall at each number's threshold: default {figures.Default.Precision:0.000} / {figures.Default.Recall:0.000} ({figures.Default.Flagged} flagged), refit {figures.Refit.Precision:0.000} / {figures.Refit.Recall:0.000} ({figures.Refit.Flagged} flagged)"));
Console.WriteLine("held-out AUC per fraud pattern (its calls against all held-out genuine calls): default / refit");
foreach (var (pattern, (d, r)) in figures.ByPattern)
{
    Console.WriteLine(string.Create(inv, $"  {pattern,-22} {d:0.000} / {r:0.000}"));
}

Console.WriteLine("every call, default model: mean score, share at or above its number's threshold, commonest tags");
foreach (var group in calls.GroupBy(c => c.Pattern).OrderBy(g => g.Key))
{
    var tags = group.SelectMany(c => c.Risk.Tags).GroupBy(t => t).OrderByDescending(t => t.Count()).Take(4)
        .Select(t => string.Create(inv, $"{t.Key} {100.0 * t.Count() / group.Count():0} %"));
    Console.WriteLine(string.Create(inv,
        $"  {group.Key,-22} {group.Average(c => c.Risk.Score),5:0.0}  {100.0 * group.Count(c => c.Risk.Score >= c.Threshold) / group.Count(),5:0.0} %  {string.Join(", ", tags)}"));
}
