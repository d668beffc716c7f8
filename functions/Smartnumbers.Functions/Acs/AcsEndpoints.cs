using System.Text.Json;
using Smartnumbers.Functions.Acs.Calls;
using Smartnumbers.Functions.Acs.Events;
using Smartnumbers.Functions.Acs.Security;

namespace Smartnumbers.Functions.Acs;

/// <summary>
/// /api/acs/incoming (Event Grid: handshakes and IncomingCall) and /api/acs/callbacks (Call Automation events).
/// Both POST routes sit behind <see cref="AcsAuthenticationFilter{TAuthenticator}"/>.
/// IncomingCall work is done inside the request — the Functions host may freeze an instance once it has replied, and
/// the call rings only 30 s — bounded by <see cref="IncomingBudget"/>, below Event Grid's 30 s timeout.
/// </summary>
internal static class AcsEndpoints
{
    public static readonly TimeSpan IncomingBudget = TimeSpan.FromSeconds(25);

    public static RouteGroupBuilder MapAcsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/acs");
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
                ? validation.Data.Deserialize(AcsEventJsonContext.Default.SubscriptionValidationEventData)
                : null;
            if (string.IsNullOrEmpty(data?.ValidationCode))
            {
                return TypedResults.BadRequest();
            }

            AcsLog.SubscriptionValidated(log);
            return TypedResults.Json(new SubscriptionValidationResponse(data.ValidationCode), AcsEventJsonContext.Default.SubscriptionValidationResponse);
        }

        var calls = events
            .Where(e => e.Type == EventEnvelope.IncomingCall && e.Data.ValueKind == JsonValueKind.Object)
            .Select(e => AcsIncomingCall.From(e.Id, e.Data.Deserialize(AcsEventJsonContext.Default.IncomingCallEventData)!))
            .OfType<AcsIncomingCall>()
            .ToList();

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

    private static async Task<JsonDocument?> ReadJsonAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
