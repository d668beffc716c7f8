using System.Net;
using Smartnumbers.Functions.Acs;
using Smartnumbers.Functions.Acs.Calls;

namespace Smartnumbers.Functions.Tests.Acs;

/// <summary>Callbacks must carry a valid ACS-signed JWT and the call's own secret; forgeries change nothing.</summary>
[Collection(AcsCollection.Name)]
public sealed class CallbackSecurityTests(AcsAppFactory factory)
{
    private static readonly AcsCallPlan Plan = new() { Announcement = "Please hold.", Steps = [new AcsRingStep(["+441134960000"], 20)] };

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    public static TheoryData<string> Forgeries => ["bad-signature", "wrong-audience", "wrong-issuer", "expired", "missing"];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Forged_callback_is_rejected_with_401_and_changes_nothing(string forgery)
    {
        var call = await AcsCallScenario.AnswerAsync(factory, Plan);
        var token = forgery switch
        {
            "bad-signature" => factory.Keys.Token(AcsOptions.DefaultCallbackIssuer, AcsAppFactory.ResourceId, Now.AddMinutes(5), forged: true),
            "wrong-audience" => factory.Keys.Token(AcsOptions.DefaultCallbackIssuer, Guid.NewGuid().ToString(), Now.AddMinutes(5)),
            "wrong-issuer" => factory.Keys.Token("https://evil.example", AcsAppFactory.ResourceId, Now.AddMinutes(5)),
            "expired" => factory.Keys.Token(AcsOptions.DefaultCallbackIssuer, AcsAppFactory.ResourceId, Now.AddMinutes(-10)),
            _ => "",
        };

        var response = await new AcsTestClient(factory).CallbackAsync(call.CallbackUri, AcsEvents.Callback("CallConnected", call.ConnectionId, null), token.Length == 0 ? "x" : token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(call.MidCall);
    }

    [Fact]
    public async Task Valid_token_with_another_calls_secret_is_rejected()
    {
        var call = await AcsCallScenario.AnswerAsync(factory, Plan);
        var forgedUri = call.CallbackUri.Replace("&s=", "&s=x", StringComparison.Ordinal);

        var response = await new AcsTestClient(factory).CallbackAsync(forgedUri, AcsEvents.Callback("CallConnected", call.ConnectionId, null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(call.MidCall);
    }

    [Fact]
    public async Task Valid_callback_is_accepted()
    {
        var call = await AcsCallScenario.AnswerAsync(factory, Plan);

        Assert.Equal(HttpStatusCode.OK, await call.SendAsync("CallConnected", null));
        Assert.Equal(":play", call.MidCall.Single().Path[call.MidCall.Single().Path.LastIndexOf(':')..]);
    }
}
