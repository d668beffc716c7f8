using System.Globalization;
using System.Text;

namespace Smartnumbers.Core.Risk;

/// <summary>Renders docs/call-dna-attributes.md from <see cref="CallDnaCatalogue"/> (a test keeps the file in sync).</summary>
public static class CallDnaCatalogueMarkdown
{
    public static string Render()
    {
        var md = new StringBuilder();
        md.Append("# Call DNA attributes\n\n")
          .Append("Generated from `functions/Smartnumbers.Core/Risk/CallDnaCatalogue.cs` by the test ")
          .Append("`CallDnaCatalogueTests.Committed_catalogue_matches_the_code` — do not edit by hand; run\n")
          .Append("`SMARTNUMBERS_WRITE_DOCS=1 dotnet test tests/Smartnumbers.Core.Tests --filter CallDnaCatalogueTests` to regenerate.\n\n")
          .Append(CultureInfo.InvariantCulture, $"{CallDnaCatalogue.Count} attributes. Values are 0/1 flags unless the meaning says otherwise. ")
          .Append("The default weight is the log-odds the default model adds per unit of value ")
          .Append(CultureInfo.InvariantCulture, $"(bias {CallDnaCatalogue.DefaultBias:0.0#}); see docs/core.md for the reasoning. ")
          .Append("A tag is raised when the value is at least 0.5. ")
          .Append("An attribute that cannot be computed for a call is **absent**, not 0: the network comparisons when no ")
          .Append("network number came with the call. An absent attribute is left out of the call record's attribute map, ")
          .Append("its cell in the Call DNA report is empty, and it adds nothing to the score.\n\n")
          .Append("| # | attribute | group | default weight | tag | meaning |\n")
          .Append("|---|---|---|---|---|---|\n");
        foreach (var a in CallDnaCatalogue.All)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {a.Index} | `{a.Name}` | {a.Group} | {a.DefaultWeight:+0.0#;-0.0#;0} | {a.Tag ?? ""} | {a.Meaning.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }
        return md.ToString();
    }
}
