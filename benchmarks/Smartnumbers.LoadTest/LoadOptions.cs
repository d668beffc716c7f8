using System.Globalization;

namespace Smartnumbers.LoadTest;

/// <summary>
/// Command line: --base URL --token T [--public-base URL] [--to E164] [--seconds N] [--warmup N] [--connections N] [--path P]
/// [--app-pid N] [--storage-pid N] (to report each process's CPU time per request) [--rounds N] (closed-loop rounds, 3)
/// [--rate N] (open loop instead: N signed calls a second, then N pings a second, for --seconds each, default 60 s in
/// that mode) [--only ping] (open loop: the pings alone).
/// </summary>
internal sealed record LoadOptions(string BaseUrl, string Token, string PublicBase, string To, int Seconds, int Warmup, int Connections, string SignedPath)
{
    public static LoadOptions Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            map[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string key, string fallback) => map.TryGetValue(key, out var v) ? v : fallback;
        int Int(string key, int fallback) => int.Parse(Get(key, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var baseUrl = Get("base", "http://127.0.0.1:7071").TrimEnd('/');
        return new LoadOptions(baseUrl,
            map.TryGetValue("token", out var t) ? t : throw new ArgumentException("--token (the app's Twilio__AuthToken) is required"),
            Get("public-base", baseUrl).TrimEnd('/'), Get("to", "+441134960001"),
            Int("seconds", 10), Int("warmup", 3), Int("connections", 16), Get("path", "/api/twilio/voice"))
        {
            AppPid = map.TryGetValue("app-pid", out var app) ? int.Parse(app, CultureInfo.InvariantCulture) : null,
            StoragePid = map.TryGetValue("storage-pid", out var storage) ? int.Parse(storage, CultureInfo.InvariantCulture) : null,
            Rounds = Int("rounds", 3),
            Rate = map.TryGetValue("rate", out var rate) ? int.Parse(rate, CultureInfo.InvariantCulture) : null,
            OpenLoopSeconds = Int("seconds", 60),
            Only = map.TryGetValue("only", out var only) ? only : null,
        };
    }

    public int? AppPid { get; init; }

    public int? StoragePid { get; init; }

    public int Rounds { get; init; } = 3;

    /// <summary>Open-loop mode: the offered rate of signed calls per second.</summary>
    public int? Rate { get; init; }

    public int OpenLoopSeconds { get; init; } = 60;

    /// <summary>Open loop: "ping" offers only pings (to study an idle instance's cost per request).</summary>
    public string? Only { get; init; }
}
