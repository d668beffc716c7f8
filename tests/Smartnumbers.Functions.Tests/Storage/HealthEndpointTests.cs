using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Telemetry;
using Smartnumbers.Functions.Tests.CallRecords;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Storage;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Health_reports_storage_reachable_and_the_build_version()
    {
        using var factory = new SmartnumbersAppFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("storage").GetProperty("reachable").GetBoolean());
        Assert.Equal(SmartnumbersTelemetry.Version, body.GetProperty("version").GetString());
        var records = body.GetProperty("callRecords");
        Assert.Equal(0, records.GetProperty("queued").GetInt32());
        Assert.Equal(0, records.GetProperty("onDisk").GetInt64());
        Assert.Equal(0, records.GetProperty("deadLettered").GetInt64());
        var counters = body.GetProperty("counters");
        Assert.Equal(0, counters.GetProperty("pending").GetInt32());
        Assert.Equal(0, counters.GetProperty("onDisk").GetInt64());
        Assert.Equal(0, counters.GetProperty("deadLettered").GetInt64());
    }

    [Fact]
    public async Task Health_counts_counter_rows_kept_on_disk_and_those_storage_refused()
    {
        using var factory = new SmartnumbersAppFactory();
        using var client = factory.CreateClient();
        var folder = factory.Services.GetRequiredService<CallRecordWriter>().SpillFolder;
        var (account, caller) = (SmartnumbersAppFactory.NewAccountId("health"), "+447700900123");
        var at = DateTimeOffset.Parse("2026-11-23T10:15:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var counts = new Dictionary<string, int> { ["H10"] = 1, ["Day"] = 1 };
        List<SavedCounterRow> rows =
        [
            new(CounterKeys.CallerPartition(account, caller), CounterKeys.CallerDayPrefix(at, caller) + "0123456789ab", counts, "+441134960001"),
            // Saved by an earlier version: a key storage refuses.
            new(CounterKeys.CallerPartition(account, caller), "20261123|+44" + new string('7', 5000) + "|0123456789ab", counts, "+441134960001"),
        ];
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, $"counters-test-{Guid.NewGuid():N}.json"), JsonSerializer.Serialize(rows, CounterJsonContext.Default.ListSavedCounterRow));

        var counters = await Poll.UntilAsync(async () => (await client.GetFromJsonAsync<JsonElement>("/api/health")).GetProperty("counters"),
            c => c.GetProperty("onDisk").GetInt64() == 0 && c.GetProperty("deadLettered").GetInt64() == 1);

        Assert.Equal(0, counters.GetProperty("pending").GetInt32());
        var records = (await client.GetFromJsonAsync<JsonElement>("/api/health")).GetProperty("callRecords");
        Assert.Equal((0, 0L, 0L), (records.GetProperty("queued").GetInt32(), records.GetProperty("onDisk").GetInt64(), records.GetProperty("deadLettered").GetInt64()));
    }

    [Fact]
    public async Task Health_says_plainly_when_table_storage_is_not_running()
    {
        using var factory = new SmartnumbersAppFactory();
        var closedPort = FreePort.Next();
        factory.Settings["Storage:ConnectionString"] = Azurite.ConnectionStringFor(closedPort);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        var storage = body.GetProperty("storage");
        Assert.False(storage.GetProperty("reachable").GetBoolean());
        Assert.Contains($"127.0.0.1:{closedPort}", storage.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("not reachable", storage.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
