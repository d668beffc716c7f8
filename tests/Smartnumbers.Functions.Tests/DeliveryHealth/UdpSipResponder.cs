using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Smartnumbers.Functions.Tests.DeliveryHealth;

/// <summary>An in-test UDP SIP peer for odd answers Kamailio will not give; <c>answer</c> maps the request to the datagrams to send back.</summary>
public sealed class UdpSipResponder : IDisposable
{
    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();

    public UdpSipResponder(Func<string, int, IReadOnlyList<string>> answer)
    {
        _ = Task.Run(async () =>
        {
            var n = 0;
            while (!_stop.IsCancellationRequested)
            {
                UdpReceiveResult request;
                try
                {
                    request = await _udp.ReceiveAsync(_stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                var text = Encoding.UTF8.GetString(request.Buffer);
                Requests.Add(text);
                foreach (var reply in answer(text, ++n))
                {
                    await _udp.SendAsync(Encoding.UTF8.GetBytes(reply), request.RemoteEndPoint);
                }
            }
        });
    }

    public System.Collections.Concurrent.ConcurrentBag<string> Requests { get; } = [];

    public string Target => $"sip:127.0.0.1:{((IPEndPoint)_udp.Client.LocalEndPoint!).Port};transport=udp";

    /// <summary>A response echoing the request's Via, From, To, Call-ID and CSeq, optionally with another branch.</summary>
    public static string Reply(string request, string status, string? branchOverride = null)
    {
        var lines = request.Split("\r\n");
        string Header(string name) => lines.First(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
        var via = Header("Via");
        if (branchOverride is not null)
        {
            var start = via.IndexOf("branch=", StringComparison.Ordinal) + 7;
            var end = via.IndexOf(';', start);
            via = via[..start] + branchOverride + (end < 0 ? "" : via[end..]);
        }

        return $"SIP/2.0 {status}\r\n{via}\r\n{Header("From")}\r\n{Header("To")};tag=resp\r\n{Header("Call-ID")}\r\n{Header("CSeq")}\r\nContent-Length: 0\r\n\r\n";
    }

    public void Dispose()
    {
        _stop.Cancel();
        _udp.Dispose();
        _stop.Dispose();
    }
}
