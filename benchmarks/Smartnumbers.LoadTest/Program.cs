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

// Every answer is checked: the ping's 200, and for a call a <Dial> (a <Reject> or anything else is a failure).
static bool PingOk(HttpResponseMessage response, string _) => response.IsSuccessStatusCode;
static bool Dialled(HttpResponseMessage response, string body) =>
    response.IsSuccessStatusCode && body.Contains("<Dial", StringComparison.Ordinal) && !body.Contains("<Reject", StringComparison.Ordinal);

var check = await http.SendAsync(Voice(0));
var checkBody = await check.Content.ReadAsStringAsync();
Console.WriteLine($"{options.SignedPath} answers {(int)check.StatusCode} {check.Content.Headers.ContentType}: {checkBody}");
if (!Dialled(check, checkBody))
{
    Console.Error.WriteLine("Setup failed: the first signed call was not answered with a <Dial>. Check --token and --public-base (the app's "
        + "Twilio__AuthToken / Twilio__PublicBaseUrl) and that --to is a number of an account with a route.");
    return 1;
}

var voiceName = "POST " + options.SignedPath;
if (options.Rate is { } rate)
{
    // Open loop: a fixed offered rate of calls for the whole time, then the same rate of bare pings (the cost of an
    // instance at moderate load, the normal state of a serverless one), each followed by the time until every record is written.
    Console.WriteLine($"open loop: {rate} calls/s, then {rate} pings/s, {options.OpenLoopSeconds} s each (after a {options.Warmup} s warm-up)");
    await LoadRunner.RunAsync("warm-up ping", http, options.Connections, TimeSpan.FromSeconds(options.Warmup), Ping, PingOk);
    await LoadRunner.RunAsync("warm-up voice", http, options.Connections, TimeSpan.FromSeconds(options.Warmup), Voice, Dialled);
    await Backlog.DrainedAsync(http);
    async Task<LoadResult> OpenAsync(string name, Func<long, HttpRequestMessage> next, Func<HttpResponseMessage, string, bool> expected)
    {
        var (appBefore, storageBefore) = (ProcessCpu.Used(options.AppPid), ProcessCpu.Used(options.StoragePid));
        var result = await OpenLoop.RunAsync($"{name} @{rate}/s", http, rate, TimeSpan.FromSeconds(options.OpenLoopSeconds), next, expected);
        result = result with
        {
            Drained = await Backlog.DrainedAsync(http),
            AppCpu = ProcessCpu.Used(options.AppPid) - appBefore,
            StorageCpu = ProcessCpu.Used(options.StoragePid) - storageBefore,
        };
        Console.WriteLine(result);
        return result;
    }

    if (options.Only == "ping")
    {
        return (await OpenAsync("GET /api/ping", Ping, PingOk)).Failures == 0 ? 0 : 1;
    }

    var open = await OpenAsync(voiceName, Voice, Dialled);
    var openPing = await OpenAsync("GET /api/ping", Ping, PingOk);
    var met = open.Failures == 0 && open.P99Ms <= 10 && open.Drained <= TimeSpan.FromSeconds(10);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"offered {rate}/s: {open.Failures} failed, p99 {open.P99Ms:F2} ms, every record written {open.Drained.TotalSeconds:F1} s after the run: {(met ? "MET" : "NOT MET")} (p99 <= 10 ms, 0 failures, records within 10 s)"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"app CPU at {rate}/s: {open.AppCpuPerRequest:F0} µs per call, {openPing.AppCpuPerRequest:F0} µs per ping: a call costs {open.AppCpuPerRequest / openPing.AppCpuPerRequest:F2}x a ping (target <= 1.50)"));
    return open.Failures + openPing.Failures == 0 ? 0 : 1;
}

Console.WriteLine($"warm-up {options.Warmup} s each, then {options.Seconds} s per endpoint, {options.Rounds} rounds, alternating; {options.Connections} connections");
await LoadRunner.RunAsync("warm-up ping", http, options.Connections, TimeSpan.FromSeconds(options.Warmup), Ping, PingOk);
await LoadRunner.RunAsync("warm-up voice", http, options.Connections, TimeSpan.FromSeconds(options.Warmup), Voice, Dialled);
await Backlog.DrainedAsync(http);
var results = new List<LoadResult>();
for (var round = 1; round <= options.Rounds; round++)
{
    Console.WriteLine($"round {round}");
    foreach (var (name, next, expected) in new (string, Func<long, HttpRequestMessage>, Func<HttpResponseMessage, string, bool>)[] { ("GET /api/ping", Ping, PingOk), (voiceName, Voice, Dialled) })
    {
        var (app, storage) = (ProcessCpu.Used(options.AppPid), ProcessCpu.Used(options.StoragePid));
        var result = await LoadRunner.RunAsync(name, http, options.Connections, TimeSpan.FromSeconds(options.Seconds), next, expected);
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
var failed = results.Sum(r => r.Failures);
// App CPU per call against per ping, round by round, and how the call's cost moves as records accumulate.
for (var round = 0; round < voice.Count; round++)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"round {round + 1}: app CPU {voice[round].AppCpuPerRequest:F0} µs per call, {ping[round].AppCpuPerRequest:F0} µs per ping: {voice[round].AppCpuPerRequest / ping[round].AppCpuPerRequest:F2}x (target <= 3)"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{calls} calls made in this run, each one a record written; app CPU per call in round {voice.Count} / round 1: {voice[^1].AppCpuPerRequest / voice[0].AppCpuPerRequest:F2}x (target <= 1.20)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"signed/bare throughput {ratio:F2}x during the runs, {sustained:F2}x counting the time to write their records (target >= 0.80); worst signed p99 {p99:F2} ms (target <= 10): {(sustained >= 0.8 && p99 <= 10 ? "MET" : "NOT MET")}; {failed} answers failed"));
if (failed > 0)
{
    Console.Error.WriteLine($"{failed} answers were not the expected ones (a ping's 200, a call's <Dial>): the figures above are not a measurement.");
    return 1;
}

return 0;
