using System.Net.Http.Headers;
using Azure.Core;

namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>Entra (managed identity) auth: a cached bearer token for scope https://communication.azure.com//.default.</summary>
internal sealed class AcsBearerTokenHandler(TokenCredential credential, TimeProvider time) : DelegatingHandler
{
    public const string Scope = "https://communication.azure.com//.default";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AccessToken _token;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<string> TokenAsync(CancellationToken ct)
    {
        if (_token.ExpiresOn - time.GetUtcNow() > TimeSpan.FromMinutes(5))
        {
            return _token.Token;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (_token.ExpiresOn - time.GetUtcNow() <= TimeSpan.FromMinutes(5))
            {
                _token = await credential.GetTokenAsync(new TokenRequestContext([Scope]), ct);
            }

            return _token.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }
}
