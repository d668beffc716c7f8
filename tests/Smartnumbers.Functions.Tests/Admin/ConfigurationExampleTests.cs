using System.Net;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Admin;

/// <summary>
/// The full example of every configuration document in docs/configuration.md (docs/examples/*.json) is accepted by the
/// admin API as it stands, so the docs cannot drift from what the API takes.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ConfigurationExampleTests(SmartnumbersAppFactory factory)
{
    private const string ExampleNumber = "+441134960001";

    [Fact]
    public async Task Every_documented_example_is_accepted_by_the_admin_api()
    {
        var admin = await AdminTestClient.CreateAsync(factory);
        var number = AdminTestClient.NewNumber(); // a number of this test's own, in place of the example's
        string Example(string name) =>
            File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "examples", name)).Replace(ExampleNumber, number, StringComparison.Ordinal);

        foreach (var (path, file) in new[]
        {
            ("", "account.json"),
            ("/numbers/" + number, "number.json"),
            ("/plans/leeds-closed", "plan.json"),
            ("/sites/leeds", "site.json"),
            ("/staff/1234", "staff.json"),
            ("/overrides/" + number, "override.json"),
        })
        {
            using var response = await admin.PutAsync(path, Example(file));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent, $"{file} → {(int)response.StatusCode}: {body}");
        }
    }
}
