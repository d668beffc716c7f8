using System.Text.Json;
using Smartnumbers.Functions.Acs.Calls;
using Smartnumbers.Functions.Acs.Events;
using Smartnumbers.Functions.Acs.Security;
using Smartnumbers.Functions.Telemetry;

namespace Smartnumbers.Functions.Acs;

/// <summary>
/// /api/acs/incoming (Event Grid: handshakes and IncomingCall) and /api/acs/callbacks (Call Automation events).
/// Both POST routes sit behind <see cref="AcsAuthenticationFilter{TAuthenticator}"/>.
/// IncomingCall work is done inside the request — the Functions host may freeze an instance once it has replied, and
/// the call rings only 30 s — bounded by <see cref="IncomingBudget"/>, below Event Grid's 30 s timeout.
/// An event whose data cannot be read (a member of the wrong JSON type) is logged and ignored; a delivery none of whose
/// IncomingCall events can be read → 400, which Event Grid does not retry.
/// </summary>
internal static class AcsEndpoints
{
    public static readonly TimeSpan IncomingBudget = TimeSpan.FromSeconds(25);

    public static RouteGroupBuilder MapAcsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/acs").AddEndpointFilter(new WebhookTelemetryFilter("acs"));
        group.MapMethods("/incoming", ["OPTIONS"], HandleIncomingOptions);
        group.MapPost("/incoming", HandleIncomingAsync).AddEndpointFilter<AcsAuthenticationFilter<EventGridDeliveryAuthenticator>>();
        group.MapPost("/callbacks", HandleCallbacksAsync).AddEndpointFilter<AcsAuthenticationFilter<CallbackAuthenticator>>();
        return group;
    }

    /// <summary>CloudEvents abuse protection: echo the requesting origin. It performs nothing, so needs no secret.</summary>
    public static IResult HandleIncomingOptions(HttpContext context)
    {
        var origin = context.Request.Headers["WebHook-Request-Origin"].ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return TypedResults.BadRequest();
        }

        context.Response.Headers["WebHook-Allowed-Origin"] = origin;
        context.Response.Headers["WebHook-Allowed-Rate"] = "*";
        return TypedResults.Ok();
    }

    public static async Task<IResult> HandleIncomingAsync(
        HttpContext context,
        AcsIncomingCallProcessor processor,
        ILoggerFactory logs,
        CancellationToken ct)
    {
        var log = logs.CreateLogger(typeof(AcsEndpoints));
        using var doc = await ReadJsonAsync(context.Request, ct);
        if (doc is null)
        {
            return TypedResults.BadRequest();
        }

        var events = EventEnvelope.ParseAll(doc.RootElement);
        var validation = events.FirstOrDefault(e => e.Type == EventEnvelope.SubscriptionValidation);
        if (validation is not null)
        {
            var data = validation.Data.ValueKind == JsonValueKind.Object
                ? Read(validation, AcsEventJsonContext.Default.SubscriptionValidationEventData, log)
                : null;
            if (string.IsNullOrEmpty(data?.ValidationCode))
            {
                return TypedResults.BadRequest();
            }

            AcsLog.SubscriptionValidated(log);
            return TypedResults.Json(new SubscriptionValidationResponse(data.ValidationCode), AcsEventJsonContext.Default.SubscriptionValidationResponse);
        }

        var incoming = events.Where(e => e.Type == EventEnvelope.IncomingCall && e.Data.ValueKind == JsonValueKind.Object).ToList();
        var calls = incoming
            .Select(e => Read(e, AcsEventJsonContext.Default.IncomingCallEventData, log) is { } data ? AcsIncomingCall.From(e.Id, data) : null)
            .OfType<AcsIncomingCall>()
            .ToList();
        if (calls.Count == 0 && incoming.Count > 0)
        {
            return TypedResults.BadRequest(); // None could be read: a retry would not read better.
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(IncomingBudget);
        var results = await Task.WhenAll(calls.Select(c => processor.ProcessAsync(c, budget.Token)));
        return results.All(r => r) ? TypedResults.Ok() : TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    public static async Task<IResult> HandleCallbacksAsync(
        HttpContext context,
        AcsCallbackProcessor processor,
        CancellationToken ct)
    {
        var callId = context.Request.Query["call"].ToString();
        using var doc = await ReadJsonAsync(context.Request, ct);
        if (doc is null || callId.Length == 0)
        {
            return TypedResults.BadRequest();
        }

        var events = EventEnvelope.ParseAll(doc.RootElement).Select(AcsCallbackEvent.From).ToList();
        var result = await processor.ProcessAsync(callId, context.Request.Query["s"].ToString(), events, ct);
        return result switch
        {
            AcsCallbackProcessor.Result.BadSecret => TypedResults.Unauthorized(),
            AcsCallbackProcessor.Result.UnknownCall => TypedResults.NotFound(),
            _ => TypedResults.Ok(),
        };
    }

    /// <summary>The event's data, or null (logged) when a member has the wrong JSON type or holds invalid UTF-16.</summary>
    private static T? Read<T>(EventEnvelope e, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, ILogger log) where T : class
    {
        try
        {
            return e.Data.Deserialize(type);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            AcsLog.UnreadableEvent(log, e.Type, ex.GetType().Name);
            return null;
        }
    }

    /// <summary>The body as JSON; null when it is not JSON or holds text that is not valid UTF-16 (a lone surrogate escape).</summary>
    private static async Task<JsonDocument?> ReadJsonAsync(HttpRequest request, CancellationToken ct)
    {
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return null;
        }

        try
        {
            ReadEveryString(doc.RootElement); // Later reads (ids, types, data) would throw on it.
            return doc;
        }
        catch (InvalidOperationException)
        {
            doc.Dispose();
            return null;
        }
    }

    private static void ReadEveryString(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    _ = member.Name;
                    ReadEveryString(member.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    ReadEveryString(item);
                }

                break;
            case JsonValueKind.String:
                _ = element.GetString();
                break;
        }
    }
}
