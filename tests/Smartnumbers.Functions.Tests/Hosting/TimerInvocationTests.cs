using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Functions.Hosting;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Hosting;

public sealed class TimerInvocationTests : IDisposable
{
    private readonly SmartnumbersAppFactory _factory = new();
    private readonly RecordingTimer _timer = new();
    private int _timersBuilt;

    public TimerInvocationTests()
    {
        // The host invokes only the timers the package declares: the recording timer is declared beside the real ones.
        var declared = FunctionManifest.Load(AppContext.BaseDirectory).Functions
            .Append(new FunctionDefinition(_timer.Name, [], null, "0 */5 * * * *", false)).ToList();
        _factory.ConfigureTestServices.Add(s => s.AddSingleton<ITimerFunction>(_ =>
        {
            Interlocked.Increment(ref _timersBuilt);
            return _timer;
        }).AddSingleton(new FunctionManifest(declared)));
    }

    public void Dispose() => _factory.Dispose();

    // The payload the Functions host sends, including one of its odd timestamp formats (host#7391).
    private const string HostPayload = """
        {"Data":{"myTimer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"2026-11-23T10:00:00+00:00","Next":"11/23/2026 10:00:30","LastUpdated":"0001-01-01T00:00:00"},"IsPastDue":true}},
         "Metadata":{"sys":{"MethodName":"RecordingTimer","UtcNow":"2026-11-23T10:00:30.0001Z","RandGuid":"5d2b5ad4-3a0e-4f0e-a4c6-7f0e1c2b3a4d"}}}
        """;

    [Fact]
    public async Task The_host_invokes_a_timer_by_posting_its_payload_to_the_function_name()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/RecordingTimer", new StringContent(HostPayload, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Object, body.GetProperty("outputs").ValueKind);
        Assert.Equal("ran 1", body.GetProperty("logs")[0].GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("returnValue").ValueKind);
        var run = Assert.Single(_timer.Runs);
        Assert.Equal(new TimerRun("host", IsPastDue: true), run);
    }

    [Fact]
    public async Task A_cold_instance_builds_its_timers_only_when_one_is_first_invoked()
    {
        using var client = _factory.CreateClient();

        // Listening and answering: the timers (and everything they depend on) are not built yet.
        using var ping = await client.GetAsync("/api/ping");
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal(0, Volatile.Read(ref _timersBuilt));

        using var response = await client.PostAsync("/RecordingTimer", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Volatile.Read(ref _timersBuilt));
    }

    [Fact]
    public async Task A_failing_timer_run_answers_non_2xx_with_a_json_object_so_the_host_marks_it_failed()
    {
        _timer.FailNext = true;
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/RecordingTimer", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("boom", body.GetProperty("logs")[0].GetString(), StringComparison.Ordinal);
    }

    private sealed class RecordingTimer : ITimerFunction
    {
        public List<TimerRun> Runs { get; } = [];
        public bool FailNext { get; set; }
        public string Name => "RecordingTimer";

        public Task<IReadOnlyList<string>> RunAsync(TimerRun run, CancellationToken cancellationToken)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("boom");
            }

            Runs.Add(run);
            return Task.FromResult<IReadOnlyList<string>>([$"ran {Runs.Count}"]);
        }
    }
}
