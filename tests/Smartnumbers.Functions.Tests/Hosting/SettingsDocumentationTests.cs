using System.Reflection;
using System.Text.RegularExpressions;
using Smartnumbers.Functions.Hosting;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Hosting;

/// <summary>docs/settings.md lists every setting the app reads, and nothing else; the Bicep sets only settings it lists.</summary>
public sealed partial class SettingsDocumentationTests
{
    /// <summary>Read by the Functions host or ASP.NET Core itself, not by a line of ours.</summary>
    private static readonly string[] HostSettings =
        ["AzureWebJobsStorage__accountName", "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "Logging__LogLevel__Default"];

    private static readonly string FunctionsSource = Path.Combine(RepositoryRoot.Path, "functions", "Smartnumbers.Functions");

    [Fact]
    public void Every_options_class_the_app_binds_is_found_by_its_Section_constant()
    {
        var bound = SourceFiles().SelectMany(f => BindConfiguration().Matches(File.ReadAllText(f)))
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var withSection = OptionsTypes().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(bound);
        Assert.Equal(bound.Order(StringComparer.Ordinal), withSection.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_setting_the_code_reads_is_documented()
    {
        var documented = DocumentedSettings();

        var missing = CodeSettings().Where(s => !documented.Contains(s)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "docs/settings.md does not list: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_documented_setting_is_read_by_the_code_or_the_host()
    {
        var known = CodeSettings().Concat(HostSettings).ToHashSet(StringComparer.Ordinal);

        var stale = DocumentedSettings().Where(s => !known.Contains(s)).Order(StringComparer.Ordinal).ToList();

        Assert.True(stale.Count == 0, "docs/settings.md lists settings nothing reads: " + string.Join(", ", stale));
    }

    [Fact]
    public void Every_app_setting_the_bicep_sets_is_documented()
    {
        var documented = DocumentedSettings();
        var infra = Path.Combine(RepositoryRoot.Path, "infra");
        var set = Directory.EnumerateFiles(infra, "*.bicep", SearchOption.AllDirectories)
            .SelectMany(f => BicepSettingKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(infra, f), Key: m.Groups[1].Value)))
            .ToList();

        Assert.Contains(set, s => s.Key == "Storage__AccountUri");
        var undocumented = set.Where(s => !documented.Contains(s.Key)).Select(s => $"{s.Key} ({s.File})").Distinct().ToList();
        Assert.True(undocumented.Count == 0, "the Bicep sets settings docs/settings.md does not list: " + string.Join(", ", undocumented));
    }

    /// <summary>Section__Property of every bindable property of every options class, and the keys read by name.</summary>
    private static HashSet<string> CodeSettings()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in OptionsTypes())
        {
            var section = (string)type.GetField("Section")!.GetRawConstantValue()!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
            {
                keys.Add($"{section}__{property.Name}");
            }
        }

        foreach (var file in SourceFiles())
        {
            foreach (Match m in ReadByName().Matches(File.ReadAllText(file)))
            {
                keys.Add(m.Groups[1].Value);
            }
        }

        keys.Add(HostingExtensions.CustomHandlerPortKey);
        return keys;
    }

    private static IEnumerable<Type> OptionsTypes() =>
        typeof(HostingOptions).Assembly.GetTypes().Where(t => t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true });

    private static HashSet<string> DocumentedSettings()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "settings.md"));
        return TableRowSetting().Matches(doc).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(FunctionsSource, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"BindConfiguration\((\w+)\.Section\)")]
    private static partial Regex BindConfiguration();

    /// <summary><c>configuration["KEY"]</c> or <c>config["KEY"]</c>: a setting read by its name.</summary>
    [GeneratedRegex(@"\b(?:configuration|config)\[""([A-Za-z][A-Za-z0-9_]*)""\]")]
    private static partial Regex ReadByName();

    /// <summary>The first cell of a table row: | `Setting` |, optionally followed by more text in the cell.</summary>
    [GeneratedRegex(@"^\| `([A-Za-z][A-Za-z0-9_]*)`", RegexOptions.Multiline)]
    private static partial Regex TableRowSetting();

    /// <summary>An object key in Bicep that is an app setting: Section__Key or an upper-case name with underscores.</summary>
    [GeneratedRegex(@"\b([A-Z][A-Za-z]*__[A-Za-z]+|APPLICATIONINSIGHTS_[A-Z_]+)\s*:")]
    private static partial Regex BicepSettingKey();
}
