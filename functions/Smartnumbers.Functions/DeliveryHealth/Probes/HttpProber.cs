using System.Diagnostics;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Health;

namespace Smartnumbers.Functions.DeliveryHealth.Probes;

/// <summary>HTTP(S) GET: 2xx or a configured code is healthy, 408 never; redirects are not followed.</summary>
internal sealed class HttpProber(IHttpClientFactory clients)
{
    public const string ClientName = "delivery-health";

    public async Task<ProbeResult> ProbeAsync(Probe probe, CancellationToken cancellationToken)
    {
        var name = $"http {probe.Target}";
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(probe.TimeoutMs);
        try
        {
            var client = clients.CreateClient(ClientName);
            using var request = new HttpRequestMessage(HttpMethod.Get, probe.Target);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return new ProbeResult(name, ProbeCodes.IsHealthy(code, probe.HealthyCodes), $"{code} {response.ReasonPhrase}".Trim(), clock.Elapsed);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(name, false, $"no answer within {probe.TimeoutMs} ms", clock.Elapsed);
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or UriFormatException)
        {
            return new ProbeResult(name, false, ex.Message, clock.Elapsed);
        }
    }
}
