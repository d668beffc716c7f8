using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.ApiKeys;
using Smartnumbers.Functions.Calls;
using Smartnumbers.Functions.Scheduling;

namespace Smartnumbers.Functions.Admin;

/// <summary>
/// Registration of the Admin area: account storage (configuration, snapshots, counters, routing control) and the
/// operator admin API under /api/accounts/{account}, every request authorised to exactly one account, and its OpenAPI
/// document and reference page.
/// </summary>
internal static class AdminApi
{
    public static IServiceCollection AddAdminApi(this IServiceCollection services)
    {
        services.AddAccountStorage();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<IDocumentValidator, CoreDocumentValidator>();
        services.AddSingleton<AdminAuthorization>();
        services.AddCalls();
        services.AddPlanSchedules();
        services.AddSingleton<Bulk.BulkUpload>();
        services.AddApiReference();
        return services;
    }

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/accounts/{account}").AddEndpointFilter<AdminAuthorization>();
        AccountEndpoints.Map(group);
        NumberEndpoints.Map(group);
        PlanEndpoints.Map(group);
        PlanImportEndpoints.Map(group);
        ScheduleEndpoints.Map(group);
        Bulk.BulkEndpoints.Map(group);
        OverrideEndpoints.Map(group);
        ListEndpoints.Map(group);
        SiteEndpoints.Map(group);
        StaffEndpoints.Map(group);
        NotificationEndpoints.Map(group);
        KeyEndpoints.Map(group);
        AuditEndpoints.Map(group);
        CallsApi.Map(group);
        app.MapApiReference();
        return app;
    }
}
