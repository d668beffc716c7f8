using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Storage;
using Smartnumbers.Functions.Tests.Admin;
using Smartnumbers.Functions.Tests.CallRecords;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Tests.Twilio;

namespace Smartnumbers.Functions.Tests.OperatorConsole;

/// <summary>One test's account and number on the loopback app, set up through the admin API, and signed Twilio calls to it.</summary>
internal sealed class ConsoleAccount
{
    public const string NormalDestination = "+441134960000";

    private ConsoleAccount(ConsoleFixture fixture, HttpClient http)
    {
        Fixture = fixture;
        Admin = new AdminTestClient(http, SmartnumbersAppFactory.NewAccountId("console"));
    }

    public ConsoleFixture Fixture { get; }

    public AdminTestClient Admin { get; }

    public string Account => Admin.Account;

    public string Number { get; } = AdminTestClient.NewNumber();

    public CallRecordStore Store => Fixture.App.Services.GetRequiredService<CallRecordStore>();

    /// <summary>A new account with one number routed to <see cref="NormalDestination"/>.</summary>
    public static async Task<ConsoleAccount> CreateAsync(ConsoleFixture fixture, string numberDocument = "")
    {
        var http = new HttpClient { BaseAddress = new Uri(fixture.App.BaseUrl) };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await fixture.App.Services.GetRequiredService<StorageReadiness>().WhenReadyAsync(timeout.Token);
        var account = new ConsoleAccount(fixture, http);
        await ConsoleAccount.ExpectAsync(HttpStatusCode.OK, account.Admin.PutAsync("", """{"name":"Console test","homeRegion":"GB"}"""));
        await ConsoleAccount.ExpectAsync(HttpStatusCode.OK, account.Admin.PutAsync("/numbers/" + account.Number,
            numberDocument.Length > 0 ? numberDocument : AdminTestClient.NumberDoc(NormalDestination)));
        return account;
    }

    public static async Task ExpectAsync(HttpStatusCode status, Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Places a Twilio call (signed for the loopback origin); answers the TwiML reply.</summary>
    public async Task<XElement> CallAsync(string from, string callSid)
    {
        using var request = TwilioWebhook.Post("/api/twilio/voice", TwilioWebhook.CallForm(callSid, from, Number), origin: Fixture.App.BaseUrl);
        using var response = await Admin.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return XDocument.Parse(body).Root!;
    }

    /// <summary>Places a call and waits until its record is stored.</summary>
    public async Task<CallRecord> CallAndRecordAsync(string from, string? callSid = null)
    {
        callSid ??= TwilioWebhook.NewCallSid();
        await CallAsync(from, callSid);
        return (await Poll.UntilAsync(() => Store.GetAsync(Account, callSid, CancellationToken.None), r => r is not null))!;
    }

    /// <summary>Makes the in-process snapshot read storage now (other instances do within seconds).</summary>
    public Task RefreshSnapshotAsync() => Fixture.App.Services.GetRequiredService<ISnapshotProvider>().RefreshAsync(Account);
}
