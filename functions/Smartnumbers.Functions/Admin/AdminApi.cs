namespace Smartnumbers.Functions.Admin;

/// <summary>Registration of the Admin area (placeholder until its issue lands).</summary>
internal static class AdminApi
{
    public static IServiceCollection AddAdminApi(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app) => app;
}
