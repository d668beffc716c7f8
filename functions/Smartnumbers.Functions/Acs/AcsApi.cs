namespace Smartnumbers.Functions.Acs;

/// <summary>Registration of the Acs area (placeholder until its issue lands).</summary>
internal static class AcsApi
{
    public static IServiceCollection AddAcs(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapAcsApi(this IEndpointRouteBuilder app) => app;
}
