using System.Net;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Admin;

/// <summary>A number in the path that no number document can have (its PUT refuses it): absent, never a storage error.</summary>
[Collection(AppCollection.Name)]
public sealed class OddNumberPathTests(SmartnumbersAppFactory factory)
{
    [Theory]
    [InlineData("%2F%2F%2F%2F")]
    [InlineData("a%23b%3F")]
    [InlineData("%01%1F")]
    [InlineData("LONG")]
    public async Task Reading_or_deleting_a_number_that_cannot_exist_is_not_found(string e164)
    {
        e164 = e164 == "LONG" ? string.Concat(Enumerable.Repeat("%2F", 5_000)) : e164;
        var admin = await AdminTestClient.CreateAsync(factory);

        using var read = await admin.GetAsync("/numbers/" + e164);
        using var deleted = await admin.DeleteAsync("/numbers/" + e164);

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { read.StatusCode, deleted.StatusCode });
    }
}
