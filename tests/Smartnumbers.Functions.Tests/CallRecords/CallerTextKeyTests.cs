using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.CallRecords;

/// <summary>A call whose id is not fit for a Table Storage key (fuzzed webhooks) is still recorded, found by its id, and never holds back its batch.</summary>
public sealed class CallerTextKeyTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-23T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_call_id_too_long_and_odd_for_a_key_is_recorded_with_its_batch_and_found_by_its_id()
    {
        var store = await CallRecordFixture.DirectStoreAsync();
        var account = SmartnumbersAppFactory.NewAccountId("oddid");
        var odd = "CA" + new string('x', 5000) + "/#?\n\u0085";
        var fine = Enumerable.Range(0, 3).Select(i => "CA" + Guid.NewGuid().ToString("N")).ToList();

        await store.ApplyStartedAsync([.. fine.Append(odd).Select((id, i) => CallStarted.For(CallRecordFixture.Record(account, id, Start.AddSeconds(i))))], CancellationToken.None);
        await store.ApplyAsync(CallRecordFixture.Ended(odd, Start.AddMinutes(1)), CancellationToken.None);

        var record = await store.GetAsync(account, odd, CancellationToken.None);
        Assert.Equal((odd, "completed"), (record?.CallId, record?.FinalStatus));
        foreach (var id in fine)
        {
            Assert.NotNull(await store.GetAsync(account, id, CancellationToken.None));
        }
    }
}
