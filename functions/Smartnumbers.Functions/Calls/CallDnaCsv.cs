using System.Globalization;
using CsvHelper;
using Smartnumbers.Core.Risk;
using Smartnumbers.Functions.CallRecords;

namespace Smartnumbers.Functions.Calls;

/// <summary>
/// The Call DNA report: one CSV row per call with the call's fields, its decision, score and tags, then one column per
/// Call DNA attribute in <see cref="CallDnaCatalogue"/> order (the header comes from the catalogue, so it cannot drift;
/// an unscored call leaves the attribute cells empty). Text cells are guarded against spreadsheet formulas
/// (<see cref="AsText"/>).
/// </summary>
internal static class CallDnaCsv
{
    /// <summary>The fixed columns before the attributes.</summary>
    public static IReadOnlyList<string> CallColumns { get; } =
    [
        "callId", "carrier", "startedAt", "calledNumber", "presentationNumber", "networkNumber", "callerWithheld",
        "action", "rejectMode", "reason", "source", "score", "tags", "label", "finalStatus", "durationSeconds",
    ];

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<CallRecord> records, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(body, null, leaveOpen: true);
        await csv.WriteRecordAsync([.. CallColumns, .. CallDnaCatalogue.All.Select(a => a.Name)], ct);
        await foreach (var r in records.WithCancellation(ct))
        {
            await csv.WriteRecordAsync(Row(r), ct);
        }

        await csv.FlushAsync(ct);
    }

    private static string?[] Row(CallRecord r)
    {
        var row = new string?[CallColumns.Count + CallDnaCatalogue.Count];
        row[0] = r.CallId;
        row[1] = r.Carrier;
        row[2] = r.StartedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        row[3] = r.CalledNumber;
        row[4] = r.PresentationNumber;
        row[5] = r.NetworkNumber;
        row[6] = r.Withheld ? "true" : "false";
        row[7] = r.Decision?.Action;
        row[8] = r.Decision?.RejectMode;
        row[9] = r.Decision?.Reason;
        row[10] = r.Decision?.Source;
        row[11] = r.Risk?.Score.ToString(CultureInfo.InvariantCulture);
        row[12] = r.Risk is { } risk ? string.Join(';', risk.Tags) : null;
        row[13] = r.Label;
        row[14] = r.FinalStatus;
        row[15] = r.DurationSeconds?.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < CallColumns.Count; i++)
        {
            row[i] = AsText(row[i]);
        }

        if (r.Risk?.Attributes is { Count: > 0 } attributes)
        {
            foreach (var attribute in CallDnaCatalogue.All)
            {
                row[CallColumns.Count + attribute.Index] = attributes.TryGetValue(attribute.Name, out var v) ? v.ToString("R", CultureInfo.InvariantCulture) : null;
            }
        }

        return row;
    }

    /// <summary>
    /// A cell a spreadsheet would run as a formula (one starting with = + - @, tab or CR, as OWASP lists; a caller's
    /// raw From can be anything) gets a leading apostrophe so that it shows as text. An E.164 number (+ and up to 15
    /// digits) is left as it is: CsvHelper's own injection option would prefix every phone number in the report.
    /// </summary>
    internal static string? AsText(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsE164(value) ? "'" + value : value;

    private static bool IsE164(string value) =>
        value.Length is > 2 and <= 16 && value[0] == '+' && value.AsSpan(1).ContainsAnyExceptInRange('0', '9') is false;
}
