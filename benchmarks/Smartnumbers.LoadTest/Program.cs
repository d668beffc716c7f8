using System.Globalization;
using Microsoft.Extensions.Primitives;
using Smartnumbers.LoadTest;
using Smartnumbers.Functions.Twilio;

// Drives a running app: the bare GET /api/ping and signed POST /api/twilio/voice, alternately, in one run, and reports
// requests/s and p50/p99 for each, and how long the app took after each run to write the run's call records.
var options = LoadOptions.Parse(args);
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false };
using var http = new HttpClient(handler) { BaseAddress = new Uri(options.BaseUrl), Timeout = TimeSpan.FromSeconds(15) };

// 4,096 distinct callers; every request is a new call (its own CallSid, never repeated in the session: each run numbers
// its requests from 1, so the CallSid counts across runs), signed as it is sent.
const int Callers = 4096;
var sessionId = Guid.NewGuid().ToString("N")[..16];
long calls = 0;

HttpRequestMessage Ping(long _) => new(HttpMethod.Get, "/api/ping");

HttpRequestMessage Voice(long _)
{
    var n = Interlocked.Increment(ref calls);
    var caller = "+4477009" + (10000 + n % Callers).ToString(CultureInfo.InvariantCulture);
    var form = new Dictionary<string, StringValues>(StringComparer.Ordinal)
    {
        ["AccountSid"] = "AC00000000000000000000000000000000",
        ["ApiVersion"] = "2010-04-01",
        ["CallSid"] = "CA" + sessionId + n.ToString("x16", CultureInfo.InvariantCulture),
        ["CallStatus"] = "ringing",
        ["Called"] = options.To,
        ["Caller"] = caller,
        ["Direction"] = "inbound",
        ["From"] = caller,
        ["FromCountry"] = "GB",
        ["To"] = options.To,
    };
    var signature = TwilioSignature.Compute(options.Token, options.PublicBase + options.SignedPath, form);
    var request = new HttpRequestMessage(HttpMethod.Post, options.SignedPath)
    {
        Content = new FormUrlEncodedContent(form.Select(p => KeyValuePair.Create(p.Key, p.Value.ToString()))),
    };
    request.Headers.Add(TwilioSignature.HeaderName, signature);
    return request;
}

var check = await http.SendAsync(Voice(0));
Console.WriteLine($"{options.SignedPath} answers {(int)check.StatusCode} {check.Content.Headers.ContentType}: {await check.Content.ReadAsStringAsync()}");
if (!check.IsSuccessStatusCode)
{
    Console.Error.WriteLine("The signed endpoint refused the request: check --token and --public-base (the app's Twilio__AuthToken / Twilio__PublicBaseUrl).");
    return 1;
}

Console.WriteLine($"warm-up {options.Warmup} s each, then {options.Seconds} s per endpoint, twice, alternating; {options.Connections} connections");
await LoadRunner.RunAsync("warm-up ping", http, options.Connections, TimeSpan.FromSeconds(options.Warmup), Ping);
await LoadRunner.RunAsync("warm-up voice", http, options.Connections, TimeSpan.FromSeconds(options.Warmup), Voice);
await Backlog.DrainedAsync(http);
var results = new List<LoadResult>();
for (var round = 0; round < 2; round++)
{
    foreach (var (name, next) in new (string, Func<long, HttpRequestMessage>)[] { ("GET /api/ping", Ping), ("POST " + options.SignedPath, Voice) })
    {
        var (app, storage) = (ProcessCpu.Used(options.AppPid), ProcessCpu.Used(options.StoragePid));
        var result = await LoadRunner.RunAsync(name, http, options.Connections, TimeSpan.FromSeconds(options.Seconds), next);
        // Each round ends when the app has written every record of it, so that no round pays for the one before.
        result = result with
        {
            Drained = await Backlog.DrainedAsync(http),
            AppCpu = ProcessCpu.Used(options.AppPid) - app,
            StorageCpu = ProcessCpu.Used(options.StoragePid) - storage,
        };
        results.Add(result);
        Console.WriteLine(result);
    }
}

var ping = results.Where(r => r.Name.EndsWith("ping", StringComparison.Ordinal)).ToList();
var voice = results.Except(ping).ToList();
var ratio = voice.Sum(r => r.PerSecond) / ping.Sum(r => r.PerSecond);
var sustained = voice.Sum(r => r.SustainedPerSecond) / ping.Sum(r => r.SustainedPerSecond);
var p99 = voice.Max(r => r.P99Ms);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"signed/bare throughput {ratio:F2}x during the runs, {sustained:F2}x counting the time to write their records (target >= 0.80); worst signed p99 {p99:F2} ms (target <= 10): {(sustained >= 0.8 && p99 <= 10 ? "MET" : "NOT MET")}"));
return 0;
