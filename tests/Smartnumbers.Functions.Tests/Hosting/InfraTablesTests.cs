using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Functions.Storage;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Hosting;

/// <summary>The deployment creates exactly the tables the app uses.</summary>
[Collection(AppCollection.Name)]
public sealed partial class InfraTablesTests(SmartnumbersAppFactory factory)
{
    [Fact]
    public void Main_bicep_creates_every_table_the_app_registers_and_no_other()
    {
        var bicep = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "infra", "main.bicep"));
        var list = TableNamesParameter().Match(bicep);
        Assert.True(list.Success, "infra/main.bicep has no 'param tableNames string[] = [ … ]'");
        var declared = Quoted().Matches(list.Groups[1].Value).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();

        _ = factory.Server; // start the app
        var registered = factory.Services.GetServices<TableRegistration>().Select(t => t.Name).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(registered);
        Assert.Equal(registered, declared);
    }

    [GeneratedRegex(@"param\s+tableNames\s+string\[\]\s*=\s*\[(.*?)\]", RegexOptions.Singleline)]
    private static partial Regex TableNamesParameter();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();
}
