using Smartnumbers.Functions.Hosting;

namespace Smartnumbers.Functions.Events;

/// <summary>The backstop: publishes whatever is still in the outbox (schedule in PublishOutbox/function.json).</summary>
internal sealed class PublishOutboxTimer(OutboxPublisher publisher) : ITimerFunction
{
    public string Name => "PublishOutbox";

    public async Task<IReadOnlyList<string>> RunAsync(TimerRun run, CancellationToken cancellationToken)
    {
        var result = await publisher.PublishPendingAsync(cancellationToken);
        var line = result.Configured
            ? $"published {result.Published}, {result.Remaining} pending" + (result.Error is null ? "" : $" ({result.Error})")
            : $"EventGrid:Endpoint not configured: {result.Remaining} events stay in the outbox";
        return [line];
    }
}
