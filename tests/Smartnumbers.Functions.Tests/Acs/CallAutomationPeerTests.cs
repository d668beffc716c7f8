using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Functions.Acs.Rest;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Acs;

/// <summary>
/// PEER: the official Node SDK (@azure/communication-call-automation 1.6.0) and our client send the same operations to
/// the stand-in ACS; the requests must match: method, path, api-version, body JSON (structurally), HMAC headers that
/// verify with the same key, and Repeatability headers on the same operations.
/// Intentional differences, normalised before comparing: identifier <c>kind</c> (optional; the SDK omits it on
/// recognize targets, we always send it) and empty objects (the SDK sends empty customCallingContext maps, we omit them).
/// </summary>
[Collection(AcsCollection.Name)]
public sealed class CallAutomationPeerTests(AcsAppFactory factory)
{
    private const string CallConnectionId = "421f0b00-aaaa-bbbb-cccc-0123456789ab";
    private static readonly string[] Operations =
        ["answer", "redirect", "reject", "play", "recognize", "add", "cancelAddParticipant", "transferToParticipant", "hangUp", "terminate"];

    [Fact]
    public async Task Our_requests_match_the_official_sdk_requests_operation_by_operation()
    {
        _ = factory.Server;
        var sdk = await CaptureAsync(RunSdkAsync);
        var ours = await CaptureAsync(RunOursAsync);

        Assert.Equal(Operations, sdk.Select(r => r.Operation));
        Assert.Equal(Operations, ours.Select(r => r.Operation));
        for (var i = 0; i < Operations.Length; i++)
        {
            var (s, o) = (sdk[i], ours[i]);
            Assert.Equal(s.Method, o.Method);
            Assert.Equal(s.Path, o.Path);
            Assert.Equal(s.Query, o.Query);
            Assert.Contains("api-version=2026-03-12", o.Query, StringComparison.Ordinal);
            Assert.True(JsonNode.DeepEquals(Normalise(s.Json), Normalise(o.Json)), $"{Operations[i]}: SDK {s.BodyText} vs ours {o.BodyText}");
            Assert.Equal(s.Header("repeatability-request-id") is null, o.Header("repeatability-request-id") is null);
            Assert.Equal(s.Header("repeatability-first-sent") is null, o.Header("repeatability-first-sent") is null);
            AcsSignature.AssertSigned(s, factory.Acs.AccessKey);
            AcsSignature.AssertSigned(o, factory.Acs.AccessKey);
        }

        Assert.Equal(["answer", "redirect", "reject", "add", "cancelAddParticipant", "transferToParticipant", "terminate"],
            ours.Where(r => r.Header("repeatability-request-id") is not null).Select(r => r.Operation));
    }

    [Fact]
    public async Task A_signature_made_with_another_key_does_not_verify()
    {
        _ = factory.Server;
        var ours = await CaptureAsync(async () => await Client().RejectAsync(new RejectCallRequest("ctx-" + Guid.NewGuid(), "busy")));

        Assert.Throws<Xunit.Sdk.EqualException>(() => AcsSignature.AssertSigned(ours.Single(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
    }

    private CallAutomationClient Client() => factory.Services.GetRequiredService<CallAutomationClient>();

    private async Task<List<RecordedRequest>> CaptureAsync(Func<Task> run)
    {
        var before = factory.Acs.Requests.Count;
        await run();
        return factory.Acs.Requests.Skip(before).ToList();
    }

    private async Task RunOursAsync()
    {
        var acs = Client();
        var agent = CommunicationIdentifierModel.Phone("+441134960000");
        await acs.AnswerAsync(new AnswerCallRequest("incoming-call-context-1", "https://smartnumbers.example/api/acs/callbacks?call=c1&s=secret") { OperationContext = "answer" });
        await acs.RedirectAsync(new RedirectCallRequest("incoming-call-context-2", agent));
        await acs.RejectAsync(new RejectCallRequest("incoming-call-context-3", "busy"));
        await acs.PlayAsync(CallConnectionId, new PlayRequest([PlaySource.FromText("Please hold.", "en-GB-SoniaNeural")]) { OperationContext = "announce" });
        await acs.RecognizeAsync(CallConnectionId, new RecognizeRequest("dtmf", new RecognizeOptions(CommunicationIdentifierModel.Phone("+447700900123"))
        {
            InitialSilenceTimeoutInSeconds = 5,
            DtmfOptions = new DtmfOptions { MaxTonesToCollect = 1, InterToneTimeoutInSeconds = 3, StopTones = ["pound"] },
        })
        {
            PlayPrompt = PlaySource.FromFile("https://smartnumbers.example/menu.wav"),
            OperationContext = "menu1",
        });
        await acs.AddParticipantAsync(CallConnectionId, new AddParticipantRequest(agent)
        {
            SourceCallerIdNumber = new PhoneNumberIdentifierModel("+448001234567", false),
            InvitationTimeoutInSeconds = 20,
            OperationContext = "step:0",
            CustomCallingContext = new CustomCallingContext(
                new Dictionary<string, string> { ["X-MS-Custom-Smartnumbers-Risk"] = "85", ["X-MS-Custom-Smartnumbers-Tags"] = "withheld,voip" },
                new Dictionary<string, string>()),
        });
        await acs.CancelAddParticipantAsync(CallConnectionId, new CancelAddParticipantRequest("invitation-1") { OperationContext = "cancel:0" });
        await acs.TransferAsync(CallConnectionId, new TransferToParticipantRequest(agent)
        {
            OperationContext = "transfer",
            SourceCallerIdNumber = new PhoneNumberIdentifierModel("+448001234567", false),
        });
        await acs.HangUpAsync(CallConnectionId);
        await acs.TerminateAsync(CallConnectionId);
    }

    private async Task RunSdkAsync()
    {
        var script = Path.Combine(RepositoryRoot.Path, "tests", "peers", "acs", "sdk-requests.js");
        var psi = new ProcessStartInfo("node") { ArgumentList = { script, factory.Acs.ConnectionString }, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["NODE_EXTRA_CA_CERTS"] = factory.Acs.CertificatePemPath;
        using var node = Process.Start(psi)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        Assert.True(node.ExitCode == 0, await errors);
        Assert.DoesNotContain("\"ok\":false", await output, StringComparison.Ordinal);
    }

    /// <summary>Drops identifier "kind" (optional, redundant with the sub-object) and empty objects, recursively.</summary>
    private static JsonNode? Normalise(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                var copy = new JsonObject();
                foreach (var (name, value) in o)
                {
                    if (name == "kind" && o.ContainsKey("rawId"))
                    {
                        continue;
                    }

                    var n = Normalise(value);
                    if (n is JsonObject { Count: 0 })
                    {
                        continue;
                    }

                    copy[name] = n;
                }

                return copy;
            case JsonArray a:
                return new JsonArray(a.Select(Normalise).ToArray());
            default:
                return node?.DeepClone();
        }
    }
}
