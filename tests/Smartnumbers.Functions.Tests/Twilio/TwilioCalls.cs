using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Tests.Accounts;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Twilio;

/// <summary>Sets up one test's account and number, and places Twilio calls to it through the HTTP API.</summary>
internal sealed class TwilioCalls(SmartnumbersAppFactory factory, string origin = TwilioWebhook.TestOrigin)
{
    /// <summary>A caller libphonenumber accepts (the Ofcom drama ranges are invalid callers and ICR catches them).</summary>
    public const string GenuineCaller = "+447911123456";

    public string Account { get; } = SmartnumbersAppFactory.NewAccountId("tw");

    public string Number { get; } = TestAccounts.NewNumber();

    public async Task SetUpAsync(NumberConfig number, AccountSettings? settings = null)
    {
        var documents = await TestAccounts.DocumentsAsync(factory);
        var created = await documents.PutAccountAsync(Account, settings ?? new AccountSettings { Name = "Twilio test" }, null, TestAccounts.Actor, default);
        Assert.Equal(WriteOutcome.Done, created.Outcome);
        var put = await documents.PutNumberAsync(Account, Number, number, null, TestAccounts.Actor, default);
        Assert.Equal(WriteOutcome.Done, put.Outcome);
    }

    public async Task BlockAsync(string caller)
    {
        var documents = await TestAccounts.DocumentsAsync(factory);
        var put = await documents.PutAsync(Account, ConfigRows.ListEntry(CallerListKind.Block, caller), new CallerListEntry(),
            ConfigJsonContext.Web.CallerListEntry, null, TestAccounts.Actor, "lists/block/" + caller, default);
        Assert.Equal(WriteOutcome.Done, put.Outcome);
        await factory.Services.GetRequiredService<ISnapshotProvider>().RefreshAsync(Account);
    }

    public async Task<(HttpResponseMessage Response, XElement Twiml, string Body)> CallAsync(string from, string? callSid = null,
        Dictionary<string, string>? extra = null, string? idempotencyToken = null, string? to = null)
    {
        var form = TwilioWebhook.CallForm(callSid ?? TwilioWebhook.NewCallSid(), from, to ?? Number);
        foreach (var (k, v) in extra ?? [])
        {
            form[k] = v;
        }

        var request = TwilioWebhook.Post("/api/twilio/voice", form, origin: origin);
        if (idempotencyToken is not null)
        {
            request.Headers.Add("I-Twilio-Idempotency-Token", idempotencyToken);
        }

        return await SendAsync(request);
    }

    public async Task<(HttpResponseMessage Response, XElement Twiml, string Body)> DialResultAsync(string actionUrl, string callSid, string status)
    {
        var form = TwilioWebhook.CallForm(callSid, GenuineCaller, Number);
        form["DialCallStatus"] = status;
        var path = actionUrl.StartsWith(origin, StringComparison.Ordinal) ? actionUrl[origin.Length..] : actionUrl;
        return await SendAsync(TwilioWebhook.Post(path, form, origin: origin));
    }

    private async Task<(HttpResponseMessage, XElement, string)> SendAsync(HttpRequestMessage request)
    {
        var response = await factory.CreateClient().SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return (response, XDocument.Parse(body).Root!, body);
    }

    public static IReadOnlyList<string> Verbs(XElement twiml) => twiml.Elements().Select(e => e.Name.LocalName).ToList();

    public static Route Route(params (string[] Destinations, int Ring)[] steps) =>
        new() { Steps = steps.Select(s => new RouteStep { Destinations = s.Destinations, RingSeconds = s.Ring }).ToList() };
}
