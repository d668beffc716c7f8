using System.Text.Json;
using Smartnumbers.Functions.CallRecords;

namespace Smartnumbers.Functions.Calls;

/// <summary>
/// The figures behind reports/summary: each closed hour inside the range from its roll-up row in
/// <see cref="CallHourRollups"/>, everything else (the open hour, the partial hours at the range's edges, hours without a
/// usable roll-up) folded from the call records. Hours folded that could be rolled up are stored for the next summary,
/// under the version of their row read before the records were, so a record written meanwhile is never left out. Without
/// the roll-up table the summary is folded from the records alone, and so is a summary filtered as /calls filters.
/// </summary>
internal sealed partial class CallSummaryReader(CallRecordStore records, CallHourRollups rollups, ILogger<CallSummaryReader> log)
{
    /// <summary>The summary of the calls <paramref name="query"/> matches (its From and To set); with any other filter, folded from the records alone.</summary>
    public async Task<CallSummary> ReadAsync(string accountId, CallQuery query, Func<string, int> thresholdOf, int? fixedThreshold, CancellationToken ct)
    {
        var (from, to) = (query.From!.Value, query.To!.Value);
        var summary = new CallSummaryBuilder(from, to, thresholdOf, fixedThreshold);
        if (query.Filters)
        {
            var builders = new Dictionary<DateTimeOffset, HourFiguresBuilder>();
            await foreach (var record in query.RunAsync(records, accountId, ct))
            {
                var hour = CallHourRollups.HourOf(record.StartedAt);
                (builders.TryGetValue(hour, out var b) ? b : builders[hour] = new HourFiguresBuilder()).Add(record);
            }

            foreach (var (hour, builder) in builders)
            {
                summary.Add(hour, builder.Build());
            }

            return summary.Build();
        }

        foreach (var (hour, figures) in (await HoursAsync(accountId, from, to, ct)).Figures)
        {
            summary.Add(hour, figures);
        }

        return summary.Build();
    }

    /// <summary>
    /// Ahead of any summary: folds and stores every closed hour in [<paramref name="from"/>, <paramref name="to"/>) (whole
    /// hours) that has no usable roll-up row, as a summary of that range would. Answers how many hours were folded and stored.
    /// </summary>
    public async Task<(int Folded, int Stored)> RollUpAsync(string accountId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var (_, folded, stored) = await HoursAsync(accountId, from, to, ct);
        return (folded, stored);
    }

    /// <summary>
    /// Each hour's figures in [<paramref name="from"/>, <paramref name="to"/>): closed whole hours from their roll-up rows,
    /// the rest folded from the records; the closed whole hours folded are stored for the next reader.
    /// </summary>
    private async Task<(List<(DateTimeOffset Hour, HourFigures Figures)> Figures, int Folded, int Stored)> HoursAsync(string accountId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var result = new List<(DateTimeOffset, HourFigures)>();
        var hours = Enumerable.Range(0, CallSummaryBuilder.HourCount(from, to)).Select(i => CallHourRollups.HourOf(from).AddHours(i)).ToList();
        var whole = hours.Where(h => h >= from && h.AddHours(1) <= to && rollups.IsClosed(h)).ToHashSet();
        var rows = await ReadRollupsAsync(accountId, whole, ct);
        var folded = new Dictionary<DateTimeOffset, HourFiguresBuilder>();
        foreach (var hour in hours)
        {
            if (rows is not null && whole.Contains(hour) && rows.TryGetValue(hour, out var row) && Parse(row) is { } figures)
            {
                result.Add((hour, figures));
            }
            else
            {
                folded[hour] = new HourFiguresBuilder();
            }
        }

        foreach (var (start, end) in Spans(folded.Keys, from, to))
        {
            await foreach (var record in records.ListAsync(accountId, start, end, ct))
            {
                if (record.StartedAt >= start && record.StartedAt < end)
                {
                    folded[CallHourRollups.HourOf(record.StartedAt)].Add(record);
                }
            }
        }

        var toStore = new List<CallHourRollup>();
        foreach (var (hour, builder) in folded)
        {
            var figures = builder.Build();
            result.Add((hour, figures));
            if (rows is not null && whole.Contains(hour))
            {
                toStore.Add(new CallHourRollup(hour, JsonSerializer.Serialize(figures, CallsJsonContext.Default.HourFigures), rows.GetValueOrDefault(hour)?.Version));
            }
        }

        return (result, folded.Count, await StoreRollupsAsync(accountId, toStore, ct));
    }

    /// <summary>The roll-up rows of <paramref name="hours"/>; null when the table cannot be read (fold everything).</summary>
    private async Task<IReadOnlyDictionary<DateTimeOffset, CallHourRollup>?> ReadRollupsAsync(string accountId, HashSet<DateTimeOffset> hours, CancellationToken ct)
    {
        if (hours.Count == 0)
        {
            return new Dictionary<DateTimeOffset, CallHourRollup>();
        }

        try
        {
            return await rollups.ReadAsync(accountId, hours.Min(), hours.Max().AddHours(1), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRollupsUnread(log, ex.GetType().Name, ex.Message);
            return null;
        }
    }

    private async Task<int> StoreRollupsAsync(string accountId, List<CallHourRollup> hours, CancellationToken ct)
    {
        if (hours.Count == 0)
        {
            return 0;
        }

        try
        {
            return await rollups.StoreAsync(accountId, hours, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRollupsUnstored(log, hours.Count, ex.GetType().Name, ex.Message); // The next summary folds them again.
            return 0;
        }
    }

    private HourFigures? Parse(CallHourRollup row)
    {
        try
        {
            return row.Figures is { } json ? JsonSerializer.Deserialize(json, CallsJsonContext.Default.HourFigures) : null;
        }
        catch (JsonException ex)
        {
            LogRollupUnreadable(log, row.Hour, ex.Message); // Folded again and stored in its place.
            return null;
        }
    }

    /// <summary>The hours to fold as time ranges within [from, to), consecutive hours joined into one range query.</summary>
    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Spans(IEnumerable<DateTimeOffset> hours, DateTimeOffset from, DateTimeOffset to)
    {
        DateTimeOffset? start = null, end = null;
        foreach (var hour in hours.Order())
        {
            if (end != hour && start is { } s)
            {
                yield return (s, end!.Value);
                start = null;
            }

            start ??= hour < from ? from : hour;
            end = hour.AddHours(1) > to ? to : hour.AddHours(1);
        }

        if (start is { } last)
        {
            yield return (last, end!.Value);
        }
    }

    [LoggerMessage(EventId = 5110, Level = LogLevel.Warning, Message = "The call-hour roll-ups could not be read ({Kind}: {Error}): the summary is folded from the call records")]
    private static partial void LogRollupsUnread(ILogger logger, string kind, string error);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Warning, Message = "{Count} call-hour roll-ups could not be stored ({Kind}: {Error}): the next summary folds them again")]
    private static partial void LogRollupsUnstored(ILogger logger, int count, string kind, string error);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Warning, Message = "The call-hour roll-up of {Hour} is unreadable ({Error}): folded from the records again")]
    private static partial void LogRollupUnreadable(ILogger logger, DateTimeOffset hour, string error);
}
