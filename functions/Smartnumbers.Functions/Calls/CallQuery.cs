using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Smartnumbers.Functions.Admin;
using Smartnumbers.Functions.CallRecords;

namespace Smartnumbers.Functions.Calls;

/// <summary>
/// The filters of GET …/calls: from/to (ISO 8601, [from, to)), number (called, E.164), minRisk (0–100), outcome
/// (connected, diverted, rejected), reason (the decision's reason: one or several separated by commas, each exact or a
/// prefix ending in '*', as "blocked,acr,icr-*"), tag (a Call DNA tag), and the continuation of
/// an earlier page (the last record's storage key, opaque).
/// </summary>
internal sealed record CallQuery(DateTimeOffset? From, DateTimeOffset? To, string? Number, int? MinRisk, string? After)
{
    public static readonly IReadOnlyList<string> Outcomes = ["connected", "diverted", "rejected"];

    public string? Outcome { get; init; }

    public string? Reason { get; init; }

    public string? Tag { get; init; }

    /// <summary>Whether the query narrows the calls by anything but time.</summary>
    public bool Filters => Number is not null || MinRisk is not null || After is not null || Outcome is not null || Reason is not null || Tag is not null;

    /// <summary>Parses the query string; the problem names the parameter at fault.</summary>
    public static (CallQuery? Query, IResult? Problem) Parse(IQueryCollection q)
    {
        var errors = new List<FieldError>();
        var from = Time(q, "from", errors);
        var to = Time(q, "to", errors);
        if (from is { } f && to is { } t && t <= f)
        {
            errors.Add(new("to", "must be after from."));
        }

        var number = q["number"].ToString() is { Length: > 0 } n ? n : null;
        if (number is not null && !Accounts.E164.IsValid(number))
        {
            errors.Add(new("number", "must be an E.164 number such as +441134960001."));
        }

        int? minRisk = null;
        if (q["minRisk"].ToString() is { Length: > 0 } m)
        {
            if (int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v <= 100)
            {
                minRisk = v;
            }
            else
            {
                errors.Add(new("minRisk", "must be a whole number 0–100."));
            }
        }

        var outcome = q["outcome"].ToString() is { Length: > 0 } o ? o : null;
        if (outcome is not null && !Outcomes.Contains(outcome))
        {
            errors.Add(new("outcome", "must be connected, diverted or rejected."));
        }

        var after = Decode(q["continuation"].ToString(), errors);
        return errors.Count > 0
            ? (null, AdminResults.Invalid(errors))
            : (new CallQuery(from, to, number, minRisk, after) { Outcome = outcome, Reason = Text(q, "reason"), Tag = Text(q, "tag") }, null);
    }

    /// <summary>The matching records newest first, after the continuation point.</summary>
    public async IAsyncEnumerable<CallRecord> RunAsync(CallRecordStore store, string account, [EnumeratorCancellation] CancellationToken ct)
    {
        var to = To;
        if (After is not null && TimeOf(After) is { } last && (to is null || last.AddMilliseconds(1) < to))
        {
            to = last.AddMilliseconds(1); // Only the records at or before the last one returned.
        }

        await foreach (var record in store.ListAsync(account, From, to, ct))
        {
            if (After is not null && string.CompareOrdinal(KeyOf(record), After) <= 0)
            {
                continue;
            }

            // Storage keys hold milliseconds; the bounds are exact.
            var inRange = (From is null || record.StartedAt >= From) && (To is null || record.StartedAt < To);
            if (inRange && (Number is null || record.CalledNumber == Number) && (MinRisk is null || (record.Risk?.Score ?? 0) >= MinRisk) && MatchesDecision(record))
            {
                yield return record;
            }
        }
    }

    /// <summary>How a call's decision reads in the console and the outcome filter: rejected, diverted (fraud route) or connected.</summary>
    public static string OutcomeOf(CallRecord record) =>
        record.Decision?.Action == "reject" ? "rejected" : record.Decision?.Source == "fraud" ? "diverted" : "connected";

    private bool MatchesDecision(CallRecord record) =>
        (Outcome is null || OutcomeOf(record) == Outcome)
        && (Reason is null || Reason.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(r => ReasonMatches(r, record.Decision?.Reason ?? "")))
        && (Tag is null || (record.Risk?.Tags ?? []).Contains(Tag, StringComparer.OrdinalIgnoreCase));

    private static bool ReasonMatches(string filter, string reason) => filter.EndsWith('*')
        ? reason.StartsWith(filter[..^1], StringComparison.OrdinalIgnoreCase)
        : string.Equals(reason, filter, StringComparison.OrdinalIgnoreCase);

    private static string? Text(IQueryCollection q, string name) => q[name].ToString() is { Length: > 0 and <= 100 } t ? t : null;

    /// <summary>The continuation that resumes after <paramref name="record"/>.</summary>
    public static string Continuation(CallRecord record) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(KeyOf(record)));

    private static string KeyOf(CallRecord record) => CallRecordEntities.RecordKey(record.StartedAt, record.CallId);

    private static DateTimeOffset? TimeOf(string key) =>
        key.Length > 19 && long.TryParse(key.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture, out var inverted) && inverted <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(DateTimeOffset.MaxValue.UtcTicks - inverted, TimeSpan.Zero)
            : null;

    private static string? Decode(string token, List<FieldError> errors)
    {
        if (token.Length == 0)
        {
            return null;
        }

        try
        {
            var key = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
            if (TimeOf(key) is not null)
            {
                return key;
            }
        }
        catch (FormatException)
        {
            // Reported below.
        }

        errors.Add(new("continuation", "is not a continuation this API returned."));
        return null;
    }

    private static DateTimeOffset? Time(IQueryCollection q, string name, List<FieldError> errors)
    {
        var text = q[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        errors.Add(new(name, "must be an ISO 8601 time such as 2026-11-23T09:00:00Z."));
        return null;
    }
}
