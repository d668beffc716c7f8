namespace Smartnumbers.Functions.Twilio;

/// <summary>Registration of the Twilio area (placeholder until its issue lands).</summary>
internal static class TwilioApi
{
    public static IServiceCollection AddTwilio(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapTwilioApi(this IEndpointRouteBuilder app) => app;
}
