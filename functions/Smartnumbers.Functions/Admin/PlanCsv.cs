using System.Globalization;
using CsvHelper;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Accounts;
using Route = Smartnumbers.Core.Configuration.Route;

namespace Smartnumbers.Functions.Admin;

/// <summary>
/// Parses a plan CSV (columns plan,number,step,destinations,ringSeconds,announcement; destinations ';'-separated) into
/// whole plans, collecting every error with its row and column. One row = one step of one number's route in one plan.
/// </summary>
internal static class PlanCsv
{
    public static readonly string[] Columns = ["plan", "number", "step", "destinations", "ringSeconds", "announcement"];
    private static readonly string[] Required = ["plan", "number", "step", "destinations"];
    public const int MaxPlans = 45;

    public static async Task<(IReadOnlyDictionary<string, IReadOnlyList<DialPlanEntry>> Plans, IReadOnlyList<CsvError> Errors)> ParseAsync(
        string text, IReadOnlySet<string> accountNumbers, CancellationToken ct)
    {
        var errors = new List<CsvError>();
        var steps = new Dictionary<(string Plan, string Number), SortedDictionary<int, (RouteStep Step, int Row)>>();
        var announcements = new Dictionary<(string Plan, string Number), string>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            IncludeValuesInExceptions = false,
        };
        await using var csv = CsvReader.FromText(text, options);
        try
        {
            await csv.ReadHeaderAsync(ct);
            var header = csv.Headers.ToArray();
            if (header.Length == 0)
            {
                return (Empty, [new CsvError(1, "", "The CSV is empty; the first row must name the columns " + string.Join(',', Columns) + ".")]);
            }

            foreach (var name in header.Where(h => !Columns.Contains(h, StringComparer.Ordinal)))
            {
                errors.Add(new CsvError(1, name, "is not a known column (known: " + string.Join(',', Columns) + ")."));
            }

            foreach (var name in Required.Where(r => !header.Contains(r, StringComparer.Ordinal)))
            {
                errors.Add(new CsvError(1, name, "column is missing."));
            }

            if (errors.Count > 0)
            {
                return (Empty, errors);
            }

            while (await csv.ReadAsync(ct))
            {
                ReadRow(csv, header, (int)csv.RowNumber + 1, accountNumbers, errors, steps, announcements);
            }
        }
        catch (CsvFormatException ex)
        {
            errors.Add(new CsvError((int)ex.RecordNumber, "", "is not valid CSV (check the quoting)."));
        }

        if (steps.Count == 0 && errors.Count == 0)
        {
            errors.Add(new CsvError(2, "", "The CSV has no rows."));
        }

        foreach (var ((plan, number), byStep) in steps)
        {
            if (byStep.Keys.Select((s, i) => s == i + 1).Contains(false))
            {
                errors.Add(new CsvError(byStep.Values.Min(v => v.Row), "step", $"steps of {number} in plan '{plan}' must be numbered 1, 2, … without gaps."));
            }
        }

        var plans = steps.GroupBy(s => s.Key.Plan, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<DialPlanEntry>)g.Select(s => new DialPlanEntry
            {
                Number = s.Key.Number,
                Route = new Route { Steps = s.Value.Values.Select(v => v.Step).ToList(), Announcement = announcements.GetValueOrDefault(s.Key) },
            }).ToList(),
            StringComparer.Ordinal);
        if (plans.Count > MaxPlans)
        {
            errors.Add(new CsvError(1, "plan", $"one upload may hold at most {MaxPlans} plans."));
        }

        return (plans, errors.OrderBy(e => e.Row).ToList());
    }

    private static void ReadRow(
        CsvReader csv, string[] header, int row, IReadOnlySet<string> accountNumbers, List<CsvError> errors,
        Dictionary<(string, string), SortedDictionary<int, (RouteStep, int)>> steps, Dictionary<(string, string), string> announcements)
    {
        var before = errors.Count;
        var plan = csv.GetString("plan");
        var number = csv.GetString("number");
        var stepText = csv.GetString("step");
        var destinations = csv.GetString("destinations").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var ringText = header.Contains("ringSeconds") ? csv.GetString("ringSeconds") : null;
        var announcement = header.Contains("announcement") ? csv.GetString("announcement") : null;

        void Check(bool ok, string column, string message)
        {
            if (!ok)
            {
                errors.Add(new CsvError(row, column, message));
            }
        }

        Check(AccountIds.IsValid(plan), "plan", "must be a plan id: 1–40 of a-z, 0-9 and '-'.");
        Check(E164.IsValid(number), "number", $"'{number}' is not an E.164 number such as +441134960001.");
        Check(!E164.IsValid(number) || accountNumbers.Contains(number), "number", $"{number} is not a number of this account.");
        Check(int.TryParse(stepText, CultureInfo.InvariantCulture, out var step) && step is >= 1 and <= ConfigLimits.MaxStepsPerRoute, "step", $"must be 1–{ConfigLimits.MaxStepsPerRoute}.");
        Check(destinations.Length is >= 1 and <= ConfigLimits.MaxDestinationsPerStep, "destinations", $"must list 1–{ConfigLimits.MaxDestinationsPerStep} destinations separated by ';'.");
        foreach (var d in destinations)
        {
            Check(E164.IsDestination(d), "destinations", $"'{d}' is not an E.164 number or a sip: URI.");
        }

        var ring = 20;
        Check(string.IsNullOrEmpty(ringText) || (int.TryParse(ringText, CultureInfo.InvariantCulture, out ring) && ring is >= 5 and <= 600), "ringSeconds", "must be 5–600.");
        Check((announcement?.Length ?? 0) <= ConfigLimits.MaxAnnouncementLength, "announcement", $"must have at most {ConfigLimits.MaxAnnouncementLength} characters.");
        if (errors.Count > before)
        {
            return;
        }

        var key = (plan, number);
        var byStep = steps.TryGetValue(key, out var existing) ? existing : steps[key] = new SortedDictionary<int, (RouteStep, int)>();
        if (byStep.TryGetValue(step, out var duplicate))
        {
            errors.Add(new CsvError(row, "step", $"duplicates row {duplicate.Item2}: plan '{plan}', number {number}, step {step}."));
            return;
        }

        if (!string.IsNullOrEmpty(announcement))
        {
            if (announcements.TryGetValue(key, out var other) && other != announcement)
            {
                errors.Add(new CsvError(row, "announcement", $"differs from an earlier row of the same plan and number (one announcement per route)."));
                return;
            }

            announcements[key] = announcement;
        }

        byStep[step] = (new RouteStep { Destinations = destinations, RingSeconds = ring }, row);
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<DialPlanEntry>> Empty { get; } = new Dictionary<string, IReadOnlyList<DialPlanEntry>>();
}
