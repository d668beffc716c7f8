using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Primitives;
using Smartnumbers.Functions.Twilio;

namespace Smartnumbers.ColdStart;

/// <summary>
/// The published app, timed from process start to its first signed Twilio call answered with the number's route
/// (a &lt;Dial&gt;). Any other answer to that call stops the measurement with an error: a cold start that refuses the
/// call is not a fast one.
/// </summary>
internal sealed class AppUnderTest(ColdStartOptions options)
{
    private const string Number = "+441134960001";
    private readonly string token = Convert.ToHexString(Guid.NewGuid().ToByteArray());
    private readonly string bootstrap = Convert.ToHexString(Guid.NewGuid().ToByteArray());
    private readonly string spill = Directory.CreateTempSubdirectory("coldstart-spill").FullName;
    private long calls;

    /// <summary>Starts the app once, unmeasured, creates the account and number through the admin API, and checks a call.</summary>
    public async Task SeedAsync()
    {
        var (port, http) = Client();
        using (http)
        using (var process = Start(port))
        {
            await process.UntilAsync(async () => (await http.GetAsync(new Uri("/api/health", UriKind.Relative))).IsSuccessStatusCode);
            await PutAsync(http, "/api/accounts/coldstart",
                """{"name":"Cold start","homeRegion":"GB","screening":{"acr":"busy","icr":"off"},"announcements":{}}""");
            await PutAsync(http, $"/api/accounts/coldstart/numbers/{Number}",
                """{"route":{"steps":[{"destinations":["+441134960000"],"ringSeconds":20}]}}""");
            if (!await CallAsync(http, port))
            {
                throw new InvalidOperationException("setup: the seeded number's first call was not answered with a <Dial>");
            }
        }
    }

    public async Task<TimeSpan> TimeFirstCallAsync()
    {
        var (port, http) = Client();
        using (http)
        using (var process = Start(port))
        {
            return await process.UntilAsync(async () => await CallAsync(http, port)
                ? true
                : throw new InvalidOperationException("the first call after start was not answered with its route"));
        }
    }

    private static (int Port, HttpClient Http) Client()
    {
        var port = Ports.Free();
        return (port, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) });
    }

    private StartedProcess Start(int port) => StartedProcess.Start(options.AppDirectory, "Smartnumbers.Functions", port, new Dictionary<string, string>
    {
        ["Storage__ConnectionString"] = options.StorageConnectionString,
        ["Admin__BootstrapKey"] = bootstrap,
        ["Twilio__AuthToken"] = token,
        ["Twilio__PublicBaseUrl"] = $"http://127.0.0.1:{port}",
        ["Telemetry__Console"] = "false",
        ["Hosting__RunTimersStandalone"] = "false",
        ["CallRecords__SpillFolder"] = spill,
    });

    private async Task PutAsync(HttpClient http, string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent(json, MediaTypeHeaderValue.Parse("application/json")) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bootstrap);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"setup: PUT {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>One signed call, a new CallSid each time; true when answered with a &lt;Dial&gt;.</summary>
    private async Task<bool> CallAsync(HttpClient http, int port)
    {
        var sid = "CA" + Interlocked.Increment(ref calls).ToString("x32", CultureInfo.InvariantCulture)[..32];
        var form = new Dictionary<string, StringValues>(StringComparer.Ordinal)
        {
            ["AccountSid"] = "AC00000000000000000000000000000000",
            ["CallSid"] = sid,
            ["CallStatus"] = "ringing",
            ["Direction"] = "inbound",
            ["From"] = "+447700900123",
            ["To"] = Number,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/twilio/voice")
        {
            Content = new FormUrlEncodedContent(form.Select(p => KeyValuePair.Create(p.Key, p.Value.ToString()))),
        };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(token, $"http://127.0.0.1:{port}/api/twilio/voice", form));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode && body.Contains("<Dial", StringComparison.Ordinal);
    }
}
