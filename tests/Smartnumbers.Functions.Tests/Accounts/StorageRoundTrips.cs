using System.Diagnostics;

namespace Smartnumbers.Functions.Tests.Accounts;

/// <summary>
/// Counts HTTP round trips to Table Storage whose request URL mentions one of <see cref="Markers"/> (an account id or a
/// number), from HttpClient's diagnostic events, so requests of tests running in parallel are not counted.
/// </summary>
public sealed class StorageRoundTrips : IDisposable, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly IDisposable _all;
    private readonly List<IDisposable> _subscriptions = [];
    private int _count;

    public StorageRoundTrips(params string[] markers)
    {
        Markers = markers;
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public IReadOnlyList<string> Markers { get; }

    public int Count => Volatile.Read(ref _count);

    /// <summary>The count since the last call.</summary>
    public int Take() => Interlocked.Exchange(ref _count, 0);

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == "HttpHandlerDiagnosticListener")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this, name => name == "System.Net.Http.Request"));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != "System.Net.Http.Request"
            || value.Value?.GetType().GetProperty("Request")?.GetValue(value.Value) is not HttpRequestMessage { RequestUri: { } uri })
        {
            return;
        }

        var plain = Uri.UnescapeDataString(uri.OriginalString);
        if (Markers.Any(m => plain.Contains(m, StringComparison.Ordinal)))
        {
            Interlocked.Increment(ref _count);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}
