using System.Diagnostics;

namespace Smartnumbers.Functions.Telemetry;

/// <summary>
/// Times a carrier webhook (<c>smartnumbers.webhook.duration</c>, tags carrier and route) from the outermost filter to
/// the handler's result. The route tag is the endpoint's route pattern (a string routing already holds).
/// </summary>
internal sealed class WebhookTelemetryFilter(string carrier) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next(context);
        }
        finally
        {
            var route = (context.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? TagValues.None;
            SmartnumbersMetrics.Webhook(carrier, route, started);
        }
    }
}
