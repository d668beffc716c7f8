using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Smartnumbers.Functions.Telemetry;
using Smartnumbers.Functions.Tests.CallRecords;
using Smartnumbers.Functions.Tests.DeliveryHealth;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Telemetry;

/// <summary>
/// The Azure Monitor distro as wired in production, exporting to a stand-in ingestion endpoint on loopback: the app
/// starts with it, and its request telemetry arrives there.
/// Runs with the telemetry collection, alone: beside the parallel collections' apps its export did not arrive within
/// a minute on the 2-core CI machine.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class AzureMonitorExportTests
{
    [Fact]
    public async Task With_a_connection_string_the_app_exports_its_requests_to_application_insights()
    {
        var received = new LockedCollection<string>();
        await using var ingestion = new LocalHttpEndpoint(FreePort.Next(), async ctx =>
        {
            using var body = new MemoryStream();
            var input = ctx.Request.Headers.ContentEncoding.ToString() == "gzip" ? new GZipStream(ctx.Request.Body, CompressionMode.Decompress) : ctx.Request.Body;
            await input.CopyToAsync(body);
            received.Add(ctx.Request.Path + " " + System.Text.Encoding.UTF8.GetString(body.ToArray()));
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("{\"itemsReceived\":1,\"itemsAccepted\":1,\"errors\":[]}");
        });
        await ingestion.StartAsync();
        using var app = new SmartnumbersAppFactory();
        app.Settings["APPLICATIONINSIGHTS_CONNECTION_STRING"] =
            $"InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint={ingestion.Url}/";
        app.Settings["APPLICATIONINSIGHTS_STATSBEAT_DISABLED"] = "true";

        using var response = await app.CreateClient().GetAsync("/api/health");

        Assert.True(response.IsSuccessStatusCode);
        var request = await Poll.UntilAsync(
            () => Task.FromResult(received.Copy().FirstOrDefault(r => r.Contains("RequestData", StringComparison.Ordinal) && r.Contains("/api/health", StringComparison.Ordinal))),
            r => r is not null, TimeSpan.FromSeconds(60));
        Assert.StartsWith("/v2.1/track", request, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("Authorization=Key", false)]
    [InlineData("Authorization=AAD", true)]
    [InlineData("authorization=aad; ClientId=11111111-2222-3333-4444-555555555555", true)]
    public void The_authentication_string_chooses_the_managed_identity(string? setting, bool identity) =>
        Assert.Equal(identity, AzureMonitorAuth.Credential(setting) is Azure.Identity.ManagedIdentityCredential);
}
