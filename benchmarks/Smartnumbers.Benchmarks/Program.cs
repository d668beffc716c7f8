using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Smartnumbers.Benchmarks;

if (args.Length > 0 && args[0] == "--parse")
{
    ParseProbe.Run();
    return;
}
if (args.Length > 0 && args[0] == "--stages")
{
    StageProbe.Run();
    return;
}
if (args.Length > 1 && args[0] == "--twilio-cold")
{
    TwilioSdkColdProbe.Run(args[1]);
    return;
}
if (args.Length > 0 && args[0] == "--latency")
{
    LatencyProbe.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 400_000);
    return;
}
var config = DefaultConfig.Instance.AddColumn(StatisticColumn.P95, StatisticColumn.Max);
BenchmarkSwitcher.FromAssembly(typeof(DecisionBenchmarks).Assembly).Run(args, config);
