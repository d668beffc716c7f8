using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Smartnumbers.Functions.Telemetry;
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
