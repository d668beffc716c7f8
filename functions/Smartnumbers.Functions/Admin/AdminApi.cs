using Smartnumbers.Functions.Accounts;

namespace Smartnumbers.Functions.Admin;

/// <summary>Registration of the Admin area: account storage (config, snapshots, counters) and the operator admin API.</summary>
internal static class AdminApi
{
    public static IServiceCollection AddAdminApi(this IServiceCollection services) => services.AddAccountStorage();

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app) => app;
}
