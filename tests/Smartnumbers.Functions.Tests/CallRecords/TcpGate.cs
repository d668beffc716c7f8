using System.Net;
using System.Net.Sockets;

namespace Smartnumbers.Functions.Tests.CallRecords;

/// <summary>
/// A loopback port that refuses connections until <see cref="Open"/>, then forwards them to a target port until
/// <see cref="Close"/> (which also cuts open connections): storage that goes down and comes back at the same address.
/// <see cref="Hang"/> makes it accept connections and never answer: storage that hangs.
/// </summary>
internal sealed class TcpGate(int target) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private TcpListener? _listener;
    private CancellationTokenSource _session = new();
    private volatile bool _hanging;

    public int Port { get; } = Infrastructure.FreePort.Next();

    public void Open()
    {
        if (_listener is not null)
        {
            return;
        }

        _session = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        var listener = _listener;
        var session = _session.Token;
        _ = Task.Run(() => AcceptAsync(listener, session));
    }

    /// <summary>Accepts connections from now on but forwards nothing (open connections are cut first).</summary>
    public void Hang()
    {
        Close();
        _hanging = true;
        Open();
    }

    public void Close()
    {
        _hanging = false;
        _listener?.Stop();
        _listener = null;
        _session.Cancel();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Close();
        _stop.Dispose();
        _session.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken session)
    {
        while (!_stop.IsCancellationRequested && !session.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(session);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => _hanging ? HoldAsync(client, session) : ForwardAsync(client, session), CancellationToken.None);
        }
    }

    private static async Task HoldAsync(TcpClient client, CancellationToken session)
    {
        using (client)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, session);
            }
            catch (OperationCanceledException)
            {
                // Gate closed or disposed.
            }
        }
    }

    private async Task ForwardAsync(TcpClient client, CancellationToken session)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, target, session);
                var a = client.GetStream().CopyToAsync(upstream.GetStream(), session);
                var b = upstream.GetStream().CopyToAsync(client.GetStream(), session);
                await Task.WhenAny(a, b).WaitAsync(session);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // Connection over.
            }
        }
    }
}
