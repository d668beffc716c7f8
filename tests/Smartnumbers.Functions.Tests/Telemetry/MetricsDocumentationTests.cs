using System.Diagnostics.Metrics;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Functions.Telemetry;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Telemetry;

/// <summary>docs/telemetry.md's instrument table names every instrument on the <c>Smartnumbers</c> meter, and only those.</summary>
[Collection(AppCollection.Name)]
public sealed partial class MetricsDocumentationTests(SmartnumbersAppFactory factory)
{
    [Fact]
    public void The_instrument_table_lists_exactly_the_instruments_the_app_creates()
    {
        var created = new HashSet<string>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == SmartnumbersTelemetry.Name)
                {
                    lock (created)
                    {
                        created.Add(instrument.Name);
                    }
                }
            },
        };
        listener.Start(); // reports the instruments that exist already, then each one created after
        foreach (var field in StaticInstrumentFields())
        {
            _ = field.GetValue(null); // runs the holder's static initialiser, which creates the instrument
        }

        _ = factory.Services.GetRequiredService<SmartnumbersGauges>(); // the observable gauges are created per app

        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "telemetry.md"));
        var documented = InstrumentRow().Matches(doc).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("smartnumbers.calls", created);
        Assert.Contains("smartnumbers.callrecords.backlog", created);
        Assert.Equal(created.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<FieldInfo> StaticInstrumentFields() =>
        typeof(SmartnumbersTelemetry).Assembly.GetTypes()
            .Where(t => !t.ContainsGenericParameters)
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => typeof(Instrument).IsAssignableFrom(f.FieldType));

    /// <summary>A row of the instrument table: | `smartnumbers.…` | counter/histogram/gauge …</summary>
    [GeneratedRegex(@"^\| `(smartnumbers\.[a-z_.]+)` \| (?:counter|histogram|observable gauge)", RegexOptions.Multiline)]
    private static partial Regex InstrumentRow();
}
