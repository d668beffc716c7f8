namespace Smartnumbers.Functions.Tests.DeliveryHealth;

/// <summary>One Kamailio answering 200 and one answering 503, shared by the SIP probe tests of a class.</summary>
public sealed class KamailioPeers : IDisposable
{
    public KamailioPeer Healthy { get; } = KamailioPeer.Start();

    public KamailioPeer Unavailable { get; } = KamailioPeer.Start(503, "Service Unavailable");

    public void Dispose()
    {
        Healthy.Dispose();
        Unavailable.Dispose();
    }
}
