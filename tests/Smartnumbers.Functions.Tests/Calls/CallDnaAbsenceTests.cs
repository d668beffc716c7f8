using System.Text.Json;
using CsvHelper;
using Smartnumbers.Core;
using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Decisions;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Calls;
using Smartnumbers.Functions.Tests.Accounts;
using Smartnumbers.Functions.Tests.Twilio;

namespace Smartnumbers.Functions.Tests.Calls;

/// <summary>
/// An absent Call DNA attribute (the network comparisons of a call without a network number) is stored and reported
/// as absent, never as 0 (no app, no storage: the record's JSON and the CSV writer directly).
/// </summary>
public sealed class CallDnaAbsenceTests
{
    private const string Called = "+441134960001";

    private static CallRecord Record(string? network)
    {
        var snapshot = new AccountSnapshot
        {
            AccountId = "absence",
            Settings = new AccountSettings { Name = "Absence" },
            Numbers = new Dictionary<string, NumberConfig> { [Called] = new() { Route = TestAccounts.RouteTo("+441134960000") } },
        };
        var call = InboundCall.Create(TwilioWebhook.NewCallSid(), Carrier.Twilio, Called, "+447911123456", new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero), network);
        return CallRecordFactory.From(call, snapshot.AccountId, CallDecider.Default.Simulate(snapshot, call));
    }

    [Fact]
    public void A_stored_record_leaves_out_the_network_comparisons_of_a_call_without_a_network_number()
    {
        var json = JsonSerializer.Serialize(Record(network: null).Risk!, CallRecordJsonContext.Default.CallRiskSummary);
        var read = JsonSerializer.Deserialize(json, CallRecordJsonContext.Default.CallRiskSummary)!;

        Assert.DoesNotContain("\"networkMismatch\"", json, StringComparison.Ordinal);
        Assert.False(read.Attributes.ContainsKey("networkInvalid"));
        Assert.Equal(0, read.Attributes["networkPresent"]);
        Assert.Equal(0, Record(network: "+447911123456").Risk!.Attributes["networkMismatch"]);
    }

    [Fact]
    public async Task The_call_dna_report_leaves_an_absent_attribute_empty_and_writes_a_zero_as_0()
    {
        var without = Record(network: null);
        var with = Record(network: "+447911123456");
        using var body = new MemoryStream();

        await CallDnaCsv.WriteAsync(body, new[] { without, with }.ToAsyncEnumerable(), CancellationToken.None);

        await using var csv = CsvReader.FromText(System.Text.Encoding.UTF8.GetString(body.ToArray()));
        await csv.ReadHeaderAsync();
        var cells = new Dictionary<string, (string Mismatch, string Present)>(StringComparer.Ordinal);
        while (await csv.ReadAsync())
        {
            cells[csv.GetString("callId")] = (csv.GetString("networkMismatch"), csv.GetString("networkPresent"));
        }

        Assert.Equal(("", "0"), cells[without.CallId]);
        Assert.Equal(("0", "1"), cells[with.CallId]);
    }
}
