using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Functions.Notifications;
using Smartnumbers.Functions.Tests.Acs;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Notifications;

/// <summary>
/// PEER: the official Node SDK (@azure/communication-email 1.1.0) and our client send the same message to the
/// stand-in ACS: same method, path, api-version, signed headers (verifying with the same key) and body JSON, and both
/// poll the operation-location with a signed GET.
/// </summary>
[Collection(NotificationCollection.Name)]
public sealed class AcsEmailPeerTests(NotificationAppFactory factory)
{
    [Fact]
    public async Task Our_emails_send_matches_the_official_sdk_request()
    {
        _ = factory.Server;
        var to = $"peer-{Guid.NewGuid():N}@example.com";
        var message = new EmailMessage(NotificationAppFactory.Sender, new("Site Leeds office is down", "No answer from +441134960000."), new([new(to)]));

        var sdk = await CaptureAsync(to, () => RunSdkAsync(message));
        var ours = await CaptureAsync(to, async () =>
        {
            var client = factory.Services.GetRequiredService<AcsEmailClient>();
            var operation = await client.GetOperationAsync(await client.SendAsync(message, default), default);
            Assert.True(operation.Succeeded);
        });

        var (s, o) = (sdk.Send, ours.Send);
        Assert.Equal(s.Method, o.Method);
        Assert.Equal("/emails:send", o.Path);
        Assert.Equal(s.Path, o.Path);
        Assert.Equal(s.Query, o.Query);
        Assert.Equal("?api-version=2025-09-01", o.Query);
        Assert.StartsWith("application/json", o.Header("content-type"), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(s.Json, o.Json), $"SDK {s.BodyText} vs ours {o.BodyText}");
        AcsSignature.AssertSigned(s, factory.Acs.AccessKey);
        AcsSignature.AssertSigned(o, factory.Acs.AccessKey);
        Assert.NotEmpty(sdk.Polls);
        Assert.NotEmpty(ours.Polls);
        Assert.All(sdk.Polls.Concat(ours.Polls), p => AcsSignature.AssertSigned(p, factory.Acs.AccessKey));
    }

    private async Task<(RecordedRequest Send, List<RecordedRequest> Polls)> CaptureAsync(string to, Func<Task> run)
    {
        var before = factory.Acs.Requests.Count;
        await run();
        var requests = factory.Acs.Requests.Skip(before).ToList();
        var send = Assert.Single(requests, r => r.Path == "/emails:send" && r.BodyText.Contains(to, StringComparison.Ordinal));
        return (send, requests.Where(r => r.Method == "GET" && r.Path.StartsWith("/emails/operations/", StringComparison.Ordinal)).ToList());
    }

    private async Task RunSdkAsync(EmailMessage message)
    {
        var script = Path.Combine(RepositoryRoot.Path, "tests", "peers", "acs", "email-requests.js");
        var json = JsonSerializer.Serialize(message, JsonSerializerOptions.Web);
        var psi = new ProcessStartInfo("node") { ArgumentList = { script, factory.Acs.ConnectionString, json }, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["NODE_EXTRA_CA_CERTS"] = factory.Acs.CertificatePemPath;
        using var node = Process.Start(psi)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        Assert.True(node.ExitCode == 0, await errors);
        Assert.Contains("\"status\":\"Succeeded\"", await output, StringComparison.Ordinal);
    }
}
