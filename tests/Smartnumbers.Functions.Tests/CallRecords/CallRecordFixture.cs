using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Storage;
using Smartnumbers.Functions.Tests.Counters;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.CallRecords;

/// <summary>Builds call-record stores and writers against Azurite directly, or through a <see cref="TcpGate"/>.</summary>
internal static partial class CallRecordFixture
{
    public static int AzuritePort => int.Parse(PortPattern().Match(Azurite.ConnectionString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    public static TableStore Tables(int port) => new(Options.Create(new StorageOptions { ConnectionString = Azurite.ConnectionStringFor(port) }));

    public static async Task<CallRecordStore> DirectStoreAsync()
    {
        var tables = Tables(AzuritePort);
        await tables.Table(CallRecordStore.RecordsTable).CreateIfNotExistsAsync();
        await tables.Table(CallRecordStore.OutcomesTable).CreateIfNotExistsAsync();
        return Store(tables, TimeProvider.System);
    }

    /// <summary>A store on <paramref name="tables"/> whose roll-up marks go by <paramref name="time"/> (the roll-up table made on Azurite if missing).</summary>
    public static CallRecordStore Store(TableStore tables, TimeProvider time)
    {
        Tables(AzuritePort).Table(CallHourRollups.Table).CreateIfNotExists();
        return new CallRecordStore(tables, new CallHourRollups(tables, time));
    }

    /// <summary>
    /// A writer on the storage at <paramref name="port"/>, keeping what it cannot write under <paramref name="spillFolder"/>,
    /// on <paramref name="time"/> (that of <paramref name="counters"/> when not given, else the system's).
    /// </summary>
    public static CallRecordWriter Writer(int port, string spillFolder, int capacity = 1000, int flushSeconds = 20, CounterInstance? counters = null, TimeProvider? time = null)
    {
        var tables = Tables(port);
        var options = new CallRecordOptions
        {
            Capacity = capacity, SpillFolder = spillFolder, MaxBackoffSeconds = 1, ShutdownFlushSeconds = flushSeconds, Writers = 4, CounterFlushMilliseconds = 100,
        };
        var clock = time ?? counters?.Time ?? TimeProvider.System;
        return new CallRecordWriter(Store(tables, clock), Options.Create(options), clock,
            NullLogger<CallRecordWriter>.Instance, counters?.Flusher(options.AccountFolder(tables.AccountTag)));
    }

    public static string NewSpillFolder() => Path.Combine(Path.GetTempPath(), "smartnumbers-tests", Guid.NewGuid().ToString("N"));

    public static CallRecord Record(string account, string callId, DateTimeOffset startedAt) => new()
    {
        CallId = callId,
        Carrier = "twilio",
        AccountId = account,
        CalledNumber = "+441134960001",
        PresentationNumber = "+447700900123",
        StartedAt = startedAt,
        Risk = new CallRiskSummary { Score = 80, Tags = ["voip"], Attributes = new Dictionary<string, double> { ["lineType"] = 3 }, Top = [new("lineType", 30)] },
        Decision = new CallDecisionSummary { Action = "connect", Source = "fraud", Steps = [new(["+441134960099"], 20)] },
    };

    public static CallEnded Ended(string callId, DateTimeOffset at) => new() { CallId = callId, At = at, Status = "completed", DurationSeconds = 42 };

    public static async Task<int> CountRecordsAsync(CallRecordStore store, string account) =>
        await store.ListAsync(account, null, null, CancellationToken.None).CountAsync(r => r.FinalStatus == "completed");

    [GeneratedRegex(@"TableEndpoint=http://127\.0\.0\.1:(\d+)/")]
    private static partial Regex PortPattern();
}
