using System.Globalization;
using System.Text.Json;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.ApiKeys;
using Route = Smartnumbers.Core.Configuration.Route;

namespace Smartnumbers.Functions.Admin.Bulk;

/// <summary>
/// Numbers as CSV: the number, its label, its normal route (steps and ring seconds as <see cref="RouteStepsText"/>, and
/// its announcement), screening, the fraud policy and the control-line flag. A column absent from the file leaves that
/// field as it is; what no column holds (time-of-day rules, routes' rules) is always kept.
/// </summary>
internal sealed class NumberCsv : IBulkKind
{
    private static readonly string[] All =
    [
        "number", "label", "route", "ringSeconds", "announcement", "acr", "icr", "blocked",
        "fraudEnabled", "fraudThreshold", "fraudMaxDivertsPerHour", "fraudNotifyAgent",
        "fraudHighRiskRoute", "fraudHighRiskRingSeconds", "fraudTrustedRoute", "fraudTrustedRingSeconds", "controlLine", "timeZone",
    ];

    private static readonly string[] FraudColumns = [.. All.Where(c => c.StartsWith("fraud", StringComparison.Ordinal))];
    private static readonly string[] ScreeningColumns = ["acr", "icr", "blocked"];

    /// <summary>Document field (prefix) → column, longest first, for the domain's own validation errors.</summary>
    private static readonly (string Field, string Column)[] FieldColumns =
    [
        ("route.announcement", "announcement"), ("route", "route"), ("screening.acr", "acr"), ("screening.icr", "icr"),
        ("screening.blocked", "blocked"), ("fraud.threshold", "fraudThreshold"), ("fraud.maxDivertsPerHour", "fraudMaxDivertsPerHour"),
        ("fraud.highRiskRoute", "fraudHighRiskRoute"), ("fraud.trustedRoute", "fraudTrustedRoute"), ("label", "label"), ("timeZone", "timeZone"),
    ];

    private static ConfigJsonContext Json => ConfigJsonContext.Web;

    public string Name => "numbers";

    public ApiKeyRole Role => ApiKeyRole.Admin;

    public IReadOnlyList<string> Columns => All;

    public IReadOnlyList<string> ExportColumns => All;

    public IReadOnlyList<string> Required { get; } = ["number"];

    public IReadOnlyList<string> Prefixes { get; } = [ConfigRows.NumberPrefix];

    public BulkItem? Parse(CsvCells cells, BulkContext context, List<CsvError> errors)
    {
        var before = errors.Count;
        void Error(string column, string message) => errors.Add(new CsvError(cells.Row, column, message));
        var number = cells.Get("number") ?? "";
        if (!E164.IsValid(number))
        {
            Error("number", $"'{number}' is not an E.164 number such as +441134960001.");
            return null;
        }

        var rowKey = ConfigRows.Number(number);
        var current = context.Current.TryGetValue(rowKey, out var row) ? JsonSerializer.Deserialize(row.Json!, Json.NumberConfig) : null;
        var route = cells.Has("route") ? ReadRoute(cells, "route", "ringSeconds", current?.Route, Error) : current?.Route;
        if (route is null && errors.Count == before)
        {
            Error("route", current is null && !cells.Has("route") ? "is required for a new number (add a route column)." : "is required.");
        }

        if (route is not null && cells.Has("announcement"))
        {
            route = route with { Announcement = cells.Get("announcement") };
        }

        var config = new NumberConfig
        {
            Label = cells.Has("label") ? cells.Get("label") : current?.Label,
            Route = route ?? new Route { Steps = [] },
            Screening = ScreeningColumns.Any(cells.Has) ? ReadScreening(cells, Error) : current?.Screening,
            Fraud = FraudColumns.Any(cells.Has) ? ReadFraud(cells, current?.Fraud, Error) : current?.Fraud,
            ControlLine = cells.Has("controlLine") ? ReadBool(cells, "controlLine", false, Error) : current?.ControlLine ?? false,
            TimeZone = cells.Has("timeZone") ? cells.Get("timeZone") : current?.TimeZone,
        };
        if (errors.Count > before)
        {
            return null;
        }

        foreach (var e in context.Validator.Validate(config))
        {
            Error(FieldColumns.FirstOrDefault(f => e.Field.StartsWith(f.Field, StringComparison.Ordinal)).Column ?? "number", $"{e.Field}: {e.Message}");
        }

        return errors.Count > before ? null
            : new BulkItem(cells.Row, number, rowKey, JsonSerializer.Serialize(config, Json.NumberConfig)) { Claim = current is null ? number : null };
    }

    public string Normalize(string json) => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, Json.NumberConfig)!, Json.NumberConfig);

    public IReadOnlyList<string?> Export(StoredRow row)
    {
        var n = JsonSerializer.Deserialize(row.Json!, Json.NumberConfig)!;
        var (route, ring) = RouteStepsText.Format(n.Route.Steps);
        var f = n.Fraud;
        var (high, highRing) = f?.HighRiskRoute is { } h ? RouteStepsText.Format(h.Steps) : (null, null);
        var (trusted, trustedRing) = f?.TrustedRoute is { } t ? RouteStepsText.Format(t.Steps) : (null, null);
        return
        [
            row.RowKey[ConfigRows.NumberPrefix.Length..], n.Label, route, ring, n.Route.Announcement,
            Text(n.Screening?.Acr), Text(n.Screening?.Icr), Text(n.Screening?.Blocked),
            f is null ? null : Bool(f.Enabled), f?.Threshold.ToString(CultureInfo.InvariantCulture), f?.MaxDivertsPerHour.ToString(CultureInfo.InvariantCulture),
            f is null ? null : Bool(f.NotifyAgent), high, highRing, trusted, trustedRing, Bool(n.ControlLine), n.TimeZone,
        ];
    }

    private static Route? ReadRoute(CsvCells cells, string column, string ringColumn, Route? current, Action<string, string> error)
    {
        if (cells.Get(column) is not { } text)
        {
            return null;
        }

        var (steps, errorIn, message) = RouteStepsText.Parse(text, cells.Get(ringColumn));
        if (steps is null)
        {
            error(errorIn == "ringSeconds" ? ringColumn : column, message!);
            return null;
        }

        return current is null ? new Route { Steps = steps } : current with { Steps = steps };
    }

    private static ScreeningOptions? ReadScreening(CsvCells cells, Action<string, string> error)
    {
        var values = ScreeningColumns.Select(c => ReadResponse(cells, c, error)).ToArray();
        return values.All(v => v is null) ? null : new ScreeningOptions { Acr = values[0], Icr = values[1], Blocked = values[2] };
    }

    /// <summary>A policy when any fraud cell is filled (empty cells: the defaults); none when every fraud cell is empty.</summary>
    private static FraudPolicy? ReadFraud(CsvCells cells, FraudPolicy? current, Action<string, string> error)
    {
        if (FraudColumns.All(c => cells.Get(c) is null))
        {
            return null;
        }

        var defaults = new FraudPolicy();
        return new FraudPolicy
        {
            Enabled = ReadBool(cells, "fraudEnabled", defaults.Enabled, error),
            Threshold = ReadInt(cells, "fraudThreshold", defaults.Threshold, error),
            MaxDivertsPerHour = ReadInt(cells, "fraudMaxDivertsPerHour", defaults.MaxDivertsPerHour, error),
            NotifyAgent = ReadBool(cells, "fraudNotifyAgent", defaults.NotifyAgent, error),
            HighRiskRoute = ReadRoute(cells, "fraudHighRiskRoute", "fraudHighRiskRingSeconds", current?.HighRiskRoute, error),
            TrustedRoute = ReadRoute(cells, "fraudTrustedRoute", "fraudTrustedRingSeconds", current?.TrustedRoute, error),
        };
    }

    private static ScreeningResponse? ReadResponse(CsvCells cells, string column, Action<string, string> error)
    {
        if (cells.Get(column) is not { } text)
        {
            return null;
        }

        if (Enum.GetValues<ScreeningResponse>().FirstOrDefault(v => Text(v) == text) is var value && Text(value) == text)
        {
            return value;
        }

        error(column, "must be one of off, announcement, busy, unallocated (or empty).");
        return null;
    }

    private static bool ReadBool(CsvCells cells, string column, bool empty, Action<string, string> error) => cells.Get(column) switch
    {
        null => empty,
        "true" => true,
        "false" => false,
        _ => Fail(error, column, "must be true or false (or empty).", empty),
    };

    private static int ReadInt(CsvCells cells, string column, int empty, Action<string, string> error) =>
        cells.Get(column) is not { } text ? empty
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : Fail(error, column, "must be a whole number (or empty).", empty);

    private static T Fail<T>(Action<string, string> error, string column, string message, T value)
    {
        error(column, message);
        return value;
    }

    private static string? Text(ScreeningResponse? value) => value?.ToString().ToLowerInvariant();

    private static string Bool(bool value) => value ? "true" : "false";
}
