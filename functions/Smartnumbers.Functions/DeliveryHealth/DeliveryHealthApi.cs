namespace Smartnumbers.Functions.DeliveryHealth;

/// <summary>Registration of the DeliveryHealth area (placeholder until its issue lands).</summary>
internal static class DeliveryHealthApi
{
    public static IServiceCollection AddDeliveryHealth(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapDeliveryHealth(this IEndpointRouteBuilder app) => app;
}
