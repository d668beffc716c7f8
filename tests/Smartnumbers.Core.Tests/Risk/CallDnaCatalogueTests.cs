using Smartnumbers.Core.Risk;

namespace Smartnumbers.Core.Tests.Risk;

public sealed class CallDnaCatalogueTests
{
    [Fact]
    public void There_are_at_least_sixty_uniquely_named_documented_attributes_in_vector_order()
    {
        Assert.True(CallDnaCatalogue.Count >= 60, $"only {CallDnaCatalogue.Count}");
        Assert.Equal(Enum.GetValues<CallDnaId>().Length, CallDnaCatalogue.Count);
        Assert.Equal(CallDnaCatalogue.Count, CallDnaCatalogue.All.Select(a => a.Name).Distinct(StringComparer.Ordinal).Count());
        for (var i = 0; i < CallDnaCatalogue.Count; i++)
        {
            var a = CallDnaCatalogue.All[i];
            Assert.Equal(i, a.Index);
            Assert.Equal(i, CallDnaCatalogue.IndexOf(a.Name));
            Assert.False(string.IsNullOrWhiteSpace(a.Meaning));
            Assert.Equal(char.ToLowerInvariant(((CallDnaId)i).ToString()[0]) + ((CallDnaId)i).ToString()[1..], a.Name, ignoreCase: true);
        }
    }

    [Fact]
    public void Scoring_reads_each_attributes_name_and_tag_by_index_and_the_tags_fit_one_bit_mask()
    {
        Assert.True(CallDnaCatalogue.Tags.Length <= 64, $"{CallDnaCatalogue.Tags.Length} tags");
        Assert.True(CallDnaCatalogue.Count <= CallDnaVector.MaxAttributes, $"{CallDnaCatalogue.Count} attributes");
        Assert.Equal(CallDnaCatalogue.All.Select(a => a.Tag).OfType<string>().Distinct(), CallDnaCatalogue.Tags);
        for (var i = 0; i < CallDnaCatalogue.Count; i++)
        {
            var tag = CallDnaCatalogue.TagIndexOf[i];
            Assert.Equal(CallDnaCatalogue.All[i].Tag, tag < 0 ? null : CallDnaCatalogue.Tags[tag]);
            Assert.Equal(CallDnaCatalogue.All[i].Name, CallDnaCatalogue.Names[i]);
        }
    }

    [Fact]
    public void Committed_catalogue_matches_the_code()
    {
        var path = Path.Combine(RepositoryPaths.Root, "docs", "call-dna-attributes.md");
        var expected = CallDnaCatalogueMarkdown.Render();
        if (Environment.GetEnvironmentVariable("SMARTNUMBERS_WRITE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), $"{path} is missing: regenerate it (see the file's header).");
        Assert.Equal(expected, File.ReadAllText(path));
    }
}
