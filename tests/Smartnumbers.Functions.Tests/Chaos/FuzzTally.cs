using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Smartnumbers.Functions.Tests.Chaos;

/// <summary>
/// The fuzz run's outcomes: a count per route and status, and the requests that failed. A failure is any 5xx or an
/// exception out of the app, except a 503 from /api/acs/incoming (the product's deliberate "Event Grid, retry").
/// </summary>
internal sealed class FuzzTally
{
    private readonly ConcurrentDictionary<(string Route, string Status), int> _counts = new();

    /// <summary>Each failure: what went wrong (status, or exception and message) and the request.</summary>
    public ConcurrentQueue<(string Problem, string Request)> Failures { get; } = new();

    public static bool IsAllowed(string route, int status) => status < 500 || (status == 503 && route == "acs/incoming");

    public void Add(FuzzCase c, int status)
    {
        _counts.AddOrUpdate((c.Route, status.ToString(CultureInfo.InvariantCulture)), 1, (_, n) => n + 1);
        if (!IsAllowed(c.Route, status))
        {
            Failures.Enqueue(($"{c.Route} {status}", c.Description));
        }
    }

    public void Add(FuzzCase c, Exception ex)
    {
        _counts.AddOrUpdate((c.Route, "exception"), 1, (_, n) => n + 1);
        var message = ex.Message.Split('\n')[0].Trim();
        Failures.Enqueue(($"{c.Route} {ex.GetType().Name}: {(message.Length > 160 ? message[..160] : message)}", c.Description));
    }

    public int Total => _counts.Values.Sum();

    public int Count(Func<string, bool> status) => _counts.Where(p => status(p.Key.Status)).Sum(p => p.Value);

    /// <summary>The failures grouped by problem, most frequent first, with one request of each.</summary>
    public string FailureReport() => string.Join(Environment.NewLine, Failures
        .GroupBy(f => f.Problem)
        .OrderByDescending(g => g.Count())
        .Select(g => $"{g.Count(),5} × {g.Key}{Environment.NewLine}        e.g. {(g.First().Request.Length > 600 ? g.First().Request[..600] + "…" : g.First().Request)}"));

    public string Summary(int seed, TimeSpan elapsed, int parallel)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Fuzz: {Total} requests, seed {seed}, {parallel} at a time, {elapsed.TotalSeconds:0.0} s")
            .Append(CultureInfo.InvariantCulture, $" (repeat: SMARTNUMBERS_FUZZ_SEED={seed} SMARTNUMBERS_FUZZ_REQUESTS={Total})").AppendLine();
        foreach (var route in _counts.Keys.Select(k => k.Route).Distinct().Order(StringComparer.Ordinal))
        {
            var statuses = _counts.Where(p => p.Key.Route == route).OrderBy(p => p.Key.Status, StringComparer.Ordinal).ToList();
            text.Append(CultureInfo.InvariantCulture, $"  {route,-20} {statuses.Sum(p => p.Value),6}  ")
                .AppendJoin("  ", statuses.Select(p => $"{p.Key.Status}:{p.Value}")).AppendLine();
        }

        text.Append(CultureInfo.InvariantCulture, $"  500s: {Count(s => s == "500")}, other failures: {Failures.Count - Count(s => s == "500")}, allowed 503s: {_counts.GetValueOrDefault(("acs/incoming", "503"))}");
        return text.ToString();
    }
}
