using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Calls;
using Smartnumbers.Functions.Storage;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Calls;

/// <summary>
/// One test's account on the app's tables (Azurite), with the call-record store, the roll-up table and the summary
/// reader on a fake clock, and a mixed set of calls: two numbers (thresholds 30 and 80), scores, tags, fraud diverts,
/// rejections by reason, callers from several countries and withheld, calls that ended and calls still unreported.
/// </summary>
internal sealed class SummaryRig
{
    public const string Lenient = "+441134960101";
    public const string Strict = "+441134960102";
    private static readonly string[] Callers = ["+447400123456", "+33612345678", "+12025550123", "+4420794600", "+447911123456"];
    private readonly Dictionary<string, int> _thresholds = new(StringComparer.Ordinal) { [Lenient] = 30, [Strict] = 80 };

    private SummaryRig(SmartnumbersAppFactory factory, DateTimeOffset now, TableStore? rollupTables)
    {
        Tables = factory.Services.GetRequiredService<TableStore>();
        Clock = new FakeTimeProvider(now);
        Rollups = new CallHourRollups(Tables, Clock);
        Store = new CallRecordStore(Tables, Rollups);
        Reader = new CallSummaryReader(Store, rollupTables is null ? Rollups : new CallHourRollups(rollupTables, Clock), NullLogger<CallSummaryReader>.Instance);
    }

    /// <summary>A rig once the app has made its tables; roll-ups read and stored on <paramref name="rollupTables"/> when given.</summary>
    public static async Task<SummaryRig> CreateAsync(SmartnumbersAppFactory factory, DateTimeOffset now, TableStore? rollupTables = null)
    {
        await factory.Services.GetRequiredService<StorageReadiness>().WhenReadyAsync(CancellationToken.None);
        return new SummaryRig(factory, now, rollupTables);
    }

    public string Account { get; } = SmartnumbersAppFactory.NewAccountId("sum");

    public TableStore Tables { get; }

    public FakeTimeProvider Clock { get; }

    public CallHourRollups Rollups { get; }

    public CallRecordStore Store { get; }

    public CallSummaryReader Reader { get; }

    /// <summary>Each number's threshold, as the summary reads it at the time of the request.</summary>
    public int ThresholdOf(string number) => _thresholds.GetValueOrDefault(number, 70);

    public void SetThreshold(string number, int threshold) => _thresholds[number] = threshold;

    /// <summary><paramref name="count"/> calls spread evenly over [<paramref name="from"/>, <paramref name="to"/>), mixed as the summary tells them apart.</summary>
    public IReadOnlyList<CallRecord> Calls(DateTimeOffset from, DateTimeOffset to, int count, string prefix = "c") =>
        Enumerable.Range(0, count).Select(i => Call($"{prefix}{i:D4}", from + ((to - from) * i / count), i)).ToList();

    public CallRecord Call(string id, DateTimeOffset startedAt, int i) => new()
    {
        CallId = $"CA{Account[^10..]}{id}",
        Carrier = "twilio",
        AccountId = Account,
        CalledNumber = i % 3 == 0 ? Strict : Lenient,
        PresentationNumber = i % 7 == 6 ? null : Callers[i % Callers.Length],
        Withheld = i % 7 == 6,
        StartedAt = startedAt,
        Risk = new CallRiskSummary { Score = (i * 37) % 101, Tags = (i % 4) switch { 0 => ["voip"], 1 => ["voip", "spoofed"], 2 => [], _ => ["new-caller"] } },
        Decision = (i % 9) switch
        {
            0 => new CallDecisionSummary { Action = "reject", RejectMode = "busy", Reason = "acr" },
            1 => new CallDecisionSummary { Action = "reject", RejectMode = "busy", Reason = "blocked" },
            2 => new CallDecisionSummary { Action = "connect", Source = "fraud", HighRisk = true },
            _ => new CallDecisionSummary { Action = "connect", Source = "normal" },
        },
        FinalStatus = i % 5 == 0 ? "completed" : i % 5 == 1 ? "no-answer" : null,
        DurationSeconds = i % 5 == 0 ? 30 : null,
    };

    public Task WriteAsync(IEnumerable<CallRecord> calls) => Store.ApplyStartedAsync([.. calls.Select(CallStarted.For)], CancellationToken.None);

    /// <summary>The summary as reports/summary answers it: roll-ups for the closed hours, records for the rest.</summary>
    public async Task<JsonNode> SummaryAsync(DateTimeOffset from, DateTimeOffset to, int? highRiskScore = null) =>
        Json(await Reader.ReadAsync(Account, new CallQuery(from, to, null, null, null), ThresholdOf, highRiskScore, CancellationToken.None));

    /// <summary>The same summary folded from every record of the range (minRisk=0 matches every call and bypasses the roll-ups).</summary>
    public async Task<JsonNode> FoldedAsync(DateTimeOffset from, DateTimeOffset to, int? highRiskScore = null) =>
        Json(await Reader.ReadAsync(Account, new CallQuery(from, to, null, 0, null), ThresholdOf, highRiskScore, CancellationToken.None));

    /// <summary>The account's roll-up rows that hold figures (not stale), by hour.</summary>
    public async Task<IReadOnlyList<DateTimeOffset>> RolledUpHoursAsync(DateTimeOffset from, DateTimeOffset to) =>
        (await Rollups.ReadAsync(Account, from, to, CancellationToken.None)).Values.Where(r => r.Figures is not null).Select(r => r.Hour).Order().ToList();

    /// <summary>Puts other figures in an hour's roll-up row (<paramref name="calls"/> calls), as a roll-up of different records would hold.</summary>
    public async Task RewriteRollupAsync(DateTimeOffset hour, int calls)
    {
        var row = (await Rollups.ReadAsync(Account, hour, hour.AddHours(1), CancellationToken.None))[hour];
        var figures = JsonSerializer.Deserialize(row.Figures!, CallsJsonContext.Default.HourFigures)! with { Calls = calls };
        Assert.Equal(1, await Rollups.StoreAsync(Account, [row with { Figures = JsonSerializer.Serialize(figures, CallsJsonContext.Default.HourFigures) }], CancellationToken.None));
    }

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    public static void AssertSame(JsonNode expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected.ToJsonString()}\n but got {actual.ToJsonString()}");

    private static JsonNode Json(CallSummary summary) => JsonNode.Parse(JsonSerializer.Serialize(summary, CallsJsonContext.Api.CallSummary))!;
}
