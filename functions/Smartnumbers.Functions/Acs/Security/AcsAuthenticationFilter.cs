using Microsoft.Extensions.Options;

namespace Smartnumbers.Functions.Acs.Security;

/// <summary>In front of an ACS POST route: 403 while ACS is not configured, 401 (nothing done) when not authentic.</summary>
internal sealed class AcsAuthenticationFilter<TAuthenticator>(IOptions<AcsOptions> options, TAuthenticator authenticator, ILogger<TAuthenticator> log)
    : IEndpointFilter where TAuthenticator : IAcsRequestAuthenticator
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!options.Value.IsEnabled)
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        var request = context.HttpContext.Request;
        if (!await authenticator.IsAuthenticAsync(request, context.HttpContext.RequestAborted))
        {
            AcsLog.DeliveryRefused(log, request.Path);
            return TypedResults.Unauthorized();
        }

        return await next(context);
    }
}
