using System.Text.Json;

namespace Smartnumbers.Functions.Hosting;

/// <summary>POST /{FunctionName} for each timer function, as the Functions host invokes them in payload mode.</summary>
internal static partial class TimerEndpoints
{
    /// <summary>
    /// One route per timer the package declares (the host posts only to those). The names come from function.json, not
    /// from the timers themselves: building every timer and its dependencies here cost a cold start a measured 0.5 s
    /// before the app could listen; a timer is built when it is first invoked.
    /// </summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var name in app.ServiceProvider.GetRequiredService<FunctionManifest>().Functions.Where(f => f.IsTimer).Select(f => f.Name))
        {
            app.MapPost("/" + name, (HttpRequest request, IServiceProvider services, ILogger<TimerRunner> log, CancellationToken ct) =>
                    InvokeFromHostAsync(name, request, services, log, ct))
                .ExcludeFromDescription();
        }
    }

    private static async Task<IResult> InvokeFromHostAsync(string name, HttpRequest request, IServiceProvider services, ILogger log, CancellationToken ct)
    {
        var isPastDue = await ReadIsPastDueAsync(request, ct);
        var timer = services.GetServices<ITimerFunction>().First(t => t.Name == name);
        var (ok, logs) = await TimerRunner.RunAsync(timer, new TimerRun("host", isPastDue), log, ct);
        var body = new TimerInvocationResponse(new Dictionary<string, object?>(), logs, null);
        // A non-2xx reply marks the invocation failed in the host; the body must still be a JSON object.
        return TypedResults.Json(body, statusCode: ok ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError);
    }

    /// <summary>Reads Data.{binding}.IsPastDue leniently: the host's timestamp formats vary, and only this flag matters.</summary>
    private static async Task<bool> ReadIsPastDueAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && TryGetCaseInsensitive(doc.RootElement, "Data", out var data) && data.ValueKind == JsonValueKind.Object)
            {
                foreach (var binding in data.EnumerateObject())
                {
                    if (binding.Value.ValueKind == JsonValueKind.Object
                        && TryGetCaseInsensitive(binding.Value, "IsPastDue", out var pastDue))
                    {
                        return pastDue.ValueKind == JsonValueKind.True;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // An empty or odd payload still runs the timer.
        }

        return false;
    }

    private static bool TryGetCaseInsensitive(JsonElement element, string name, out JsonElement value)
    {
        foreach (var p in element.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = p.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
