using System.Text.Json;
using Azure.Data.Tables;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.CallRecords;

/// <summary>
/// Maps call records to table entities. Table CallRecords holds two kinds of row:
/// the record (PartitionKey = account id, RowKey = "{inverted start ticks}_{call id}": an account's calls newest first,
/// a time range is a RowKey range) and the call index (PartitionKey = "~call~{last character of the call id, lower
/// case}", RowKey = call id), which names the record's keys and keeps a copy of every follow-up property so that events
/// may land in any order. The index has few partitions so that many calls' index rows go in one transaction.
/// Lists and maps are JSON strings, each kept under the 64 KB property limit. Account and call ids go into keys through
/// <see cref="TableKeys.Safe"/> (a call id too long or odd for a key becomes a short hash; the id itself stays in CallId).
/// </summary>
internal static class CallRecordEntities
{
    public const string IndexPrefix = "~call~";
    private const int MaxChars = 30_000; // 64 KB per property = 32 K UTF-16 chars; keep a margin.
    private static readonly CallRecordJsonContext Json = CallRecordJsonContext.Default;

    public static string RecordKey(DateTimeOffset startedAt, string callId) => TableKeys.Inverted(startedAt) + "_" + TableKeys.Safe(callId);

    /// <summary>The keys of a call's index row.</summary>
    public static (string Partition, string Row) IndexKeys(string callId)
    {
        var last = callId.Length > 0 && char.IsAsciiLetterOrDigit(callId[^1]) ? char.ToLowerInvariant(callId[^1]) : '_';
        return (IndexPrefix + last, TableKeys.Safe(callId));
    }

    public static TableEntity Record(CallRecord r)
    {
        var e = new TableEntity(TableKeys.Safe(r.AccountId), RecordKey(r.StartedAt, r.CallId))
        {
            ["CallId"] = r.CallId,
            ["Carrier"] = r.Carrier,
            ["AccountId"] = r.AccountId,
            ["CalledNumber"] = r.CalledNumber,
            ["Withheld"] = r.Withheld,
            ["StartedAt"] = r.StartedAt,
        };
        Put(e, "PresentationNumber", r.PresentationNumber);
        Put(e, "NetworkNumber", r.NetworkNumber);
        if (r.Risk is { } risk)
        {
            e["RiskScore"] = risk.Score;
            e["Tags"] = string.Join(' ', risk.Tags);
            e["Risk"] = FitRisk(risk);
        }

        if (r.Decision is { } d)
        {
            e["Action"] = d.Action;
            Put(e, "RejectMode", d.RejectMode);
            Put(e, "Reason", Fit(d.Reason));
            Put(e, "Source", d.Source);
            Put(e, "Announcement", Fit(d.Announcement));
            e["RouteSteps"] = JsonSerializer.Serialize(d.Steps, Json.IReadOnlyListCallRouteStep);
        }

        return e;
    }

    /// <summary>The properties a follow-up event sets, identical on the record and on the index row.</summary>
    public static Dictionary<string, object> FollowUp(CallEvent ev) => ev switch
    {
        CallStepEnded s => new()
        {
            ["CallId"] = s.CallId,
            [StepProperty(s.Outcome.Step)] = JsonSerializer.Serialize(s.Outcome, Json.CallStepOutcome),
        },
        CallEnded c => Without(new Dictionary<string, object?>
        {
            ["CallId"] = c.CallId,
            ["FinalStatus"] = c.Status,
            ["DurationSeconds"] = c.DurationSeconds,
            ["EndedAt"] = c.At,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(ev), ev.GetType().Name, "not a follow-up event"),
    };

    /// <summary>Follow-up properties found on an index row (copied onto the record when the record lands last).</summary>
    public static Dictionary<string, object> FollowUpsOn(TableEntity index) =>
        index.Where(p => p.Key is "FinalStatus" or "DurationSeconds" or "EndedAt" || p.Key.StartsWith("Step", StringComparison.Ordinal))
            .Where(p => p.Value is not null)
            .ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);

    public static string StepProperty(int step) => "Step" + step.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The record, or null for a row that only follow-up events have written so far.</summary>
    public static CallRecord? ToRecord(TableEntity e)
    {
        if (e.GetString("CalledNumber") is not { } called || e.GetDateTimeOffset("StartedAt") is not { } started)
        {
            return null;
        }

        var steps = e.Keys.Where(k => k.StartsWith("Step", StringComparison.Ordinal) && k.Length == 6).Order(StringComparer.Ordinal)
            .Select(k => JsonSerializer.Deserialize(e.GetString(k)!, Json.CallStepOutcome)!)
            .ToList();
        return new CallRecord
        {
            CallId = e.GetString("CallId") ?? "",
            Carrier = e.GetString("Carrier") ?? "",
            AccountId = e.GetString("AccountId") ?? e.PartitionKey,
            CalledNumber = called,
            PresentationNumber = e.GetString("PresentationNumber"),
            NetworkNumber = e.GetString("NetworkNumber"),
            Withheld = e.GetBoolean("Withheld") ?? false,
            StartedAt = started,
            Risk = e.GetString("Risk") is { } risk ? JsonSerializer.Deserialize(risk, Json.CallRiskSummary) : null,
            Decision = e.GetString("Action") is { } action
                ? new CallDecisionSummary
                {
                    Action = action,
                    RejectMode = e.GetString("RejectMode"),
                    Reason = e.GetString("Reason"),
                    Source = e.GetString("Source"),
                    Announcement = e.GetString("Announcement"),
                    Steps = e.GetString("RouteSteps") is { } rs ? JsonSerializer.Deserialize(rs, Json.IReadOnlyListCallRouteStep) ?? [] : [],
                }
                : null,
            Steps = steps,
            FinalStatus = e.GetString("FinalStatus"),
            DurationSeconds = e.GetInt32("DurationSeconds"),
            EndedAt = e.GetDateTimeOffset("EndedAt"),
            Label = e.GetString("Label"),
        };
    }

    public static TableEntity Outcome(string accountId, string carrier, string callId, CallStepOutcome o, string destination) =>
        new(TableKeys.Safe(accountId), $"{TableKeys.Safe(destination)}|{TableKeys.Inverted(o.At)}|{TableKeys.Safe(callId)}|{o.Step}")
        {
            ["Destination"] = destination,
            ["CallId"] = callId,
            ["Carrier"] = carrier,
            ["Step"] = o.Step,
            ["Status"] = o.Status,
            ["SipResponseCode"] = o.SipResponseCode,
            ["Reached"] = DeliveryOutcome.IsReached(o.Status, o.SipResponseCode),
            ["At"] = o.At,
        };

    public static DeliveryOutcome ToOutcome(TableEntity e) => new(
        e.GetString("Destination") ?? "",
        e.GetString("CallId") ?? "",
        e.GetInt32("Step") ?? 0,
        e.GetString("Status") ?? "",
        e.GetInt32("SipResponseCode"),
        e.GetBoolean("Reached") ?? false,
        e.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue);

    private static string FitRisk(CallRiskSummary risk)
    {
        var json = JsonSerializer.Serialize(risk, Json.CallRiskSummary);
        if (json.Length <= MaxChars)
        {
            return json;
        }

        // Too many attributes for one property: keep the top contributors and the score, drop the attribute map.
        return JsonSerializer.Serialize(risk with { Attributes = new Dictionary<string, double>() }, Json.CallRiskSummary);
    }

    private static string? Fit(string? text) => text is { Length: > MaxChars } ? text[..MaxChars] : text;

    private static void Put(TableEntity e, string key, string? value)
    {
        if (value is not null)
        {
            e[key] = value;
        }
    }

    private static Dictionary<string, object> Without(Dictionary<string, object?> values) =>
        values.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
}
