using System.Net;
using System.Net.Sockets;

namespace Smartnumbers.ColdStart;

/// <summary>A free loopback port for each process started.</summary>
internal static class Ports
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
