namespace Smartnumbers.Functions.Storage;

/// <summary>Whether the registered tables exist yet; start-up creates them after the app listens.</summary>
public sealed class StorageReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>The last error met while creating the tables, for /api/health.</summary>
    public string? LastError { get; private set; }

    public Task WhenReadyAsync(CancellationToken ct) => _ready.Task.WaitAsync(ct);

    internal void MarkReady()
    {
        LastError = null;
        _ready.TrySetResult();
    }

    internal void MarkFailed(string error) => LastError = error;
}
