using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Smartnumbers.Functions.Twilio;

/// <summary>
/// The &lt;Dial action&gt; URL: /api/twilio/dial-result with its query already in ordinal key order (Twilio may
/// re-sort it before signing) and a MAC over every other parameter, keyed by a secret derived from the auth token, so
/// nobody without the token can forge or alter a step. Keys: account, call, called, mac, route, started, step.
/// </summary>
public sealed class DialResultLink
{
    public const string Path = "/api/twilio/dial-result";
    private const string KeyLabel = "smartnumbers/twilio/dial-result/v1";
    private const int MacBytes = 16;
    private readonly byte[] _key;
    private readonly string _prefix;

    /// <param name="authToken">The Twilio auth token the secret is derived from.</param>
    /// <param name="publicBaseUrl">When set, links are absolute under it; otherwise root-relative (Twilio resolves them against the webhook URL).</param>
    public DialResultLink(string authToken, string? publicBaseUrl)
    {
        _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(KeyLabel));
        _prefix = (publicBaseUrl?.TrimEnd('/') ?? "") + Path;
    }

    public string Create(DialResultState state)
    {
        var route = Base64Url(JsonSerializer.SerializeToUtf8Bytes(state.Sequence, TwilioJsonContext.Default.DialSequence));
        var started = state.StartedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var step = state.Step.ToString(CultureInfo.InvariantCulture);
        var mac = Mac(state.AccountId, state.CallId, state.CalledNumber, route, started, step);
        return string.Create(CultureInfo.InvariantCulture,
            $"{_prefix}?account={E(state.AccountId)}&call={E(state.CallId)}&called={E(state.CalledNumber)}&mac={mac}&route={route}&started={started}&step={step}");
    }

    /// <summary>The state, or null when a parameter is missing, malformed or the MAC does not match.</summary>
    public DialResultState? Read(IQueryCollection query)
    {
        string? Get(string key) => query.TryGetValue(key, out var v) && v.Count == 1 ? v[0] : null;
        var (account, call, called, mac, route, started, step) =
            (Get("account"), Get("call"), Get("called"), Get("mac"), Get("route"), Get("started"), Get("step"));
        if (account is null || call is null || called is null || mac is null || route is null || started is null || step is null)
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Mac(account, call, called, route, started, step));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(mac))
            || !long.TryParse(started, NumberStyles.None, CultureInfo.InvariantCulture, out var startedMs)
            || !int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var stepIndex))
        {
            return null;
        }

        try
        {
            var sequence = JsonSerializer.Deserialize(FromBase64Url(route), TwilioJsonContext.Default.DialSequence);
            return sequence is null || stepIndex >= sequence.Steps.Count
                ? null
                : new DialResultState(account, called, call, DateTimeOffset.FromUnixTimeMilliseconds(startedMs), stepIndex, sequence);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private string Mac(string account, string call, string called, string route, string started, string step)
    {
        // Length-prefixed fields: no value can be shifted into its neighbour.
        var canonical = string.Join('\n', new[] { account, call, called, route, started, step }
            .Select(v => v.Length.ToString(CultureInfo.InvariantCulture) + ":" + v));
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(canonical));
        return Base64Url(mac.AsSpan(0, MacBytes));
    }

    private static string E(string value) => Uri.EscapeDataString(value);

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s + new string('=', (4 - s.Length % 4) % 4));
    }
}
