using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Tests.CallRecords;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Tests.Twilio;

namespace Smartnumbers.Functions.Tests.Pipeline;

/// <summary>Signed Twilio voice webhooks sent at any instance, answered whatever the status, and the records they leave.</summary>
internal static class PipelineCalls
{
    public sealed record Answer(HttpStatusCode Status, XElement? Twiml, string CallSid, TimeSpan Took);

    /// <summary>Valid UK mobile callers, one per call.</summary>
    public static IReadOnlyList<string> Callers(int count) =>
        [.. Enumerable.Range(0, count).Select(i => "+4479111234" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture))];

    public static async Task<Answer> VoiceAsync(HttpClient client, string from, string to)
    {
        var callSid = TwilioWebhook.NewCallSid();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var response = await client.SendAsync(TwilioWebhook.Post("/api/twilio/voice", TwilioWebhook.CallForm(callSid, from, to)));
        var body = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, response.StatusCode == HttpStatusCode.OK ? XDocument.Parse(body).Root : null, callSid, clock.Elapsed);
    }

    public static string? FirstDialled(Answer answer) => answer.Twiml?.Element("Dial")?.Element("Number")?.Value;

    /// <summary>Waits until <paramref name="account"/> holds a record of each of <paramref name="callSids"/>.</summary>
    public static async Task<IReadOnlyList<CallRecord>> RecordsAsync(SmartnumbersAppFactory reader, string account, IReadOnlyCollection<string> callSids)
    {
        var store = reader.Services.GetRequiredService<CallRecordStore>();
        return await Poll.UntilAsync(async () =>
        {
            var found = new List<CallRecord>();
            await foreach (var record in store.ListAsync(account, null, null, default))
            {
                if (callSids.Contains(record.CallId))
                {
                    found.Add(record);
                }
            }

            return (IReadOnlyList<CallRecord>)found;
        }, r => r.Count >= callSids.Count, TimeSpan.FromSeconds(60));
    }
}
