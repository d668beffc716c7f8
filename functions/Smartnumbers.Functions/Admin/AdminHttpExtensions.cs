using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.ApiKeys;

namespace Smartnumbers.Functions.Admin;

/// <summary>Small accessors shared by the admin endpoint classes.</summary>
internal static class AdminHttpExtensions
{
    /// <summary>The caller <see cref="AdminAuthorization"/> authenticated.</summary>
    public static AdminCaller Caller(this HttpContext http) => (AdminCaller)http.Items[typeof(AdminCaller)]!;

    public static AuditActor Actor(this HttpContext http) => http.Caller().Actor;

    public static RouteHandlerBuilder Needs(this RouteHandlerBuilder builder, ApiKeyRole role) => builder.WithMetadata(new RequiredRole(role));
}
