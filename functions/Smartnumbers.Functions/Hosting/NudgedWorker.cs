using System.Threading.Channels;
using Azure;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Hosting;

/// <summary>
/// A background loop that runs <see cref="RunOnceAsync"/> whenever it is nudged (nudges while it runs coalesce into
/// one more run), once storage is ready; a failed run is logged and left to the area's timer.
/// </summary>
internal abstract partial class NudgedWorker(IServiceProvider services, StorageReadiness readiness, ILogger log) : BackgroundService
{
    private readonly Channel<bool> _nudges = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Nudge() => _nudges.Writer.TryWrite(true);

    /// <summary>What one run does (e.g. publish or deliver what is pending).</summary>
    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WhenReadyAsync(stoppingToken);
            await foreach (var _ in _nudges.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await RunOnceAsync(services, stoppingToken);
                }
                catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or InvalidOperationException)
                {
                    LogRunFailed(log, GetType().Name, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the area's timer picks up anything left.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Worker} failed; its timer will retry")]
    private static partial void LogRunFailed(ILogger logger, string worker, Exception ex);
}
