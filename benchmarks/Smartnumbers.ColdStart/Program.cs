using System.Globalization;
using Smartnumbers.ColdStart;

// Usage: ColdStart --app DIR --hello DIR --storage CONNECTION-STRING [--runs 5] [--label NAME]
// Each run starts the hello-world floor, then the app, as new processes, and times process start to first answer.
var options = ColdStartOptions.Parse(args);
var app = new AppUnderTest(options);
var hello = new HelloUnderTest(options.HelloDirectory);

// Setup, checked: the app starts once, unmeasured, and the number the measured calls go to is created through its API.
await app.SeedAsync();

var helloTimes = new List<double>();
var appTimes = new List<double>();
for (var run = 1; run <= options.Runs; run++)
{
    helloTimes.Add((await hello.TimeFirstAnswerAsync()).TotalMilliseconds);
    appTimes.Add((await app.TimeFirstCallAsync()).TotalMilliseconds);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}: hello {helloTimes[^1],7:F0} ms   app {appTimes[^1],7:F0} ms"));
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

var (h, a) = (Median(helloTimes), Median(appTimes));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{options.Label}: median of {options.Runs}: hello-world first answer {h:F0} ms, app first call answered with its route {a:F0} ms: {a / h:F2}x (target <= 1.50)"));
return 0;
