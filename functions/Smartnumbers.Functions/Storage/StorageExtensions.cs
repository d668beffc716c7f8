using Azure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Telemetry;

namespace Smartnumbers.Functions.Storage;

internal static class StorageExtensions
{
    public static IServiceCollection AddTableStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .PostConfigure<IConfiguration>((o, config) =>
            {
                if (string.IsNullOrEmpty(o.ConnectionString) && string.IsNullOrEmpty(o.AccountUri))
                {
                    o.ConnectionString = config["AzureWebJobsStorage"] is { Length: > 0 } jobs ? jobs : "UseDevelopmentStorage=true";
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<TableStore>();
        services.AddSingleton<StorageReadiness>();
        services.AddHostedService<StorageInitializer>();
        services.AddExceptionHandler<StorageUnavailableHandler>();
        return services;
    }

    /// <summary>Registers a table the app needs; it is created after start-up.</summary>
    public static IServiceCollection AddTable(this IServiceCollection services, string name) =>
        services.AddSingleton(new TableRegistration(name));

    public static IEndpointRouteBuilder MapStorageHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", GetHealthAsync);
        return app;
    }

    private static async Task<IResult> GetHealthAsync(
        TableStore store, StorageReadiness readiness, IWriteBacklog backlog, [FromServices] IEnumerable<IHealthBlock> blocks, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        string? error = null;
        try
        {
            await foreach (var _ in store.Service.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token))
            {
                break;
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            error = $"Table Storage at {store.Endpoint.GetLeftPart(UriPartial.Authority)} did not answer within 3 s";
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException)
        {
            error = StorageErrors.Describe(store, ex);
        }

        var reachable = error is null;
        var writes = backlog.Snapshot();
        var body = new StorageHealth(
            reachable && readiness.IsReady ? "ok" : "degraded",
            SmartnumbersTelemetry.Version,
            new StorageHealth.StorageState(reachable, readiness.IsReady, store.Endpoint.GetLeftPart(UriPartial.Authority), error ?? readiness.LastError),
            writes.Records,
            writes.Counters)
        {
            Blocks = blocks.ToDictionary(b => b.Name, b => b.Describe(), StringComparer.Ordinal),
        };
        return TypedResults.Json(body, statusCode: reachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
