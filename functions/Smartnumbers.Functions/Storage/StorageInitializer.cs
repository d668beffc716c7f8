using Azure;

namespace Smartnumbers.Functions.Storage;

/// <summary>
/// Creates every registered table that does not exist yet once the app is listening (the Functions host's readiness poll must be answered
/// at once; Flex gives 30 s). Retries with back-off while storage is unreachable, and says so in the log and /api/health.
/// </summary>
internal sealed partial class StorageInitializer(
    TableStore store,
    IEnumerable<TableRegistration> tables,
    StorageReadiness readiness,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<StorageInitializer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WaitForStartedAsync(stoppingToken);
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // One listing instead of one create per table: on every start after the first deploy the tables exist,
                // and this runs beside a cold instance's first call on the same cores.
                var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                await foreach (var table in store.Service.QueryAsync(cancellationToken: stoppingToken))
                {
                    existing.Add(table.Name);
                }

                foreach (var name in tables.Select(t => t.Name).Distinct(StringComparer.OrdinalIgnoreCase).Where(n => !existing.Contains(n)))
                {
                    await store.Table(name).CreateIfNotExistsAsync(stoppingToken);
                }

                readiness.MarkReady();
                LogTablesReady(log, store.Endpoint);
                return;
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException)
            {
                var message = StorageErrors.Describe(store, ex);
                readiness.MarkFailed(message);
                LogStorageUnreachable(log, message);
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
        }
    }

    private Task WaitForStartedAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Table Storage ready at {Endpoint}")]
    private static partial void LogTablesReady(ILogger logger, Uri endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}; retrying")]
    private static partial void LogStorageUnreachable(ILogger logger, string message);
}
