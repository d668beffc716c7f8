using System.Diagnostics;
using System.Globalization;

namespace Smartnumbers.Benchmarks;

/// <summary>
/// `--twilio-cold ours|sdk`: in a fresh process, the time of the first signature check and first &lt;Dial&gt; answer
/// (assembly load and JIT included), which is what a cold instance's first call pays. Run each in its own process.
/// </summary>
internal static class TwilioSdkColdProbe
{
    public static void Run(string which)
    {
        var bench = new TwilioSdkBenchmarks();
        var clock = Stopwatch.StartNew();
        var (valid, xml) = which == "sdk" ? (bench.SdkValid(), bench.SdkDial()) : (bench.OursValid(), bench.OursDial());
        var elapsed = clock.Elapsed;
        if (!valid || !xml.Contains("<Dial", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{which}: the first check or answer was wrong");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{which}: first signature check + first <Dial> in a fresh process: {elapsed.TotalMilliseconds:F1} ms"));
    }
}
