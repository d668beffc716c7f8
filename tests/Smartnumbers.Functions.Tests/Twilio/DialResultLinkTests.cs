using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Twilio;

namespace Smartnumbers.Functions.Tests.Twilio;

public sealed class DialResultLinkTests
{
    private static readonly DialResultState State = new("acct-1", "+441134960001", "CA0123456789abcdef", DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_123), 0,
        new DialSequence
        {
            Steps = [new RouteStep { Destinations = ["+441134960000"], RingSeconds = 20 }, new RouteStep { Destinations = ["sip:desk@pbx.example;transport=tls"], RingSeconds = 25 }],
            Closing = "Sorry & goodbye",
            RiskScore = 12,
            Tags = ["voip"],
        });

    private static IQueryCollection Query(string link) => new QueryCollection(QueryHelpers.ParseQuery(new Uri("https://h.example" + link.Split("h.example").Last()).Query));

    [Fact]
    public void A_link_reads_back_to_the_same_state_and_its_query_keys_are_already_sorted()
    {
        var link = new DialResultLink("token", "https://h.example");
        var url = link.Create(State);

        Assert.StartsWith("https://h.example/api/twilio/dial-result?", url, StringComparison.Ordinal);
        var keys = new Uri(url).Query.TrimStart('?').Split('&').Select(p => p.Split('=')[0]).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        var read = link.Read(Query(url));
        Assert.NotNull(read);
        Assert.Equal(State with { Sequence = read!.Sequence }, read);
        Assert.Equal(State.Sequence.Steps.Select(s => s.Destinations[0]), read.Sequence.Steps.Select(s => s.Destinations[0]));
        Assert.Equal("Sorry & goodbye", read.Sequence.Closing);
    }

    [Theory]
    [InlineData("step=0", "step=1")]
    [InlineData("account=acct-1", "account=acct-2")]
    [InlineData("called=%2B441134960001", "called=%2B441134960002")]
    [InlineData("call=CA0123456789abcdef", "call=CA0123456789abcdee")]
    [InlineData("started=1790000000123", "started=1790000000124")]
    public void A_changed_parameter_is_refused(string from, string to)
    {
        var link = new DialResultLink("token", null);
        var url = link.Create(State);
        Assert.Contains(from, url, StringComparison.Ordinal);

        Assert.Null(link.Read(Query(url.Replace(from, to, StringComparison.Ordinal))));
    }

    [Fact]
    public void A_link_made_with_another_token_or_without_its_mac_is_refused()
    {
        var url = new DialResultLink("other-token", null).Create(State);

        Assert.Null(new DialResultLink("token", null).Read(Query(url)));
        Assert.Null(new DialResultLink("other-token", null).Read(Query(string.Join('&', url.Split('&').Where(p => !p.StartsWith("mac=", StringComparison.Ordinal))))));
    }
}
