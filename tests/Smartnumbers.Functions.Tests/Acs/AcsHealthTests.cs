using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Smartnumbers.Functions.Tests.Twilio;

namespace Smartnumbers.Functions.Tests.Acs;

/// <summary>What /api/health and the start-up log say about the ACS settings.</summary>
[Collection(AcsCollection.Name)]
public sealed class AcsHealthTests(AcsAppFactory factory)
{
    private static async Task<JsonElement> AcsBlockAsync(AcsAppFactory app)
    {
        using var client = app.CreateClient();
        var body = await client.GetFromJsonAsync<JsonElement>("/api/health");
        return body.GetProperty("acs");
    }

    [Fact]
    public async Task Health_shows_acs_configured_with_a_caller_id_and_nothing_degraded()
    {
        var acs = await AcsBlockAsync(factory);

        Assert.True(acs.GetProperty("configured").GetBoolean());
        Assert.True(acs.GetProperty("callerId").GetBoolean());
        Assert.Empty(acs.GetProperty("degraded").EnumerateArray());
    }

    [Fact]
    public async Task Without_a_caller_id_health_lists_what_acs_routes_lose_and_start_up_warns()
    {
        var app = new AcsAppFactory();
        await app.InitializeAsync();
        try
        {
            app.Settings.Remove("Acs:CallerId");
            var sink = new LogSink();
            app.ConfigureTestServices.Add(s => s.AddSingleton<ILoggerProvider>(sink));

            var acs = await AcsBlockAsync(app);

            Assert.True(acs.GetProperty("configured").GetBoolean());
            Assert.False(acs.GetProperty("callerId").GetBoolean());
            Assert.Equal(["multi-step routes", "simultaneous ring", "announcements", "risk headers"],
                acs.GetProperty("degraded").EnumerateArray().Select(d => d.GetString()));
            var warning = Assert.Single(sink.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("Acs__CallerId", StringComparison.Ordinal));
            Assert.Contains("multi-step routes", warning.Message, StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
