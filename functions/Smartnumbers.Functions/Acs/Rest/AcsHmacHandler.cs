namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>Signs every attempt (so each retry carries a fresh x-ms-date) with the connection string's access key.</summary>
internal sealed class AcsHmacHandler(AcsConnectionString connection, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var uri = request.RequestUri!;
        var date = AcsHmacSigner.Date(time.GetUtcNow());
        var hash = AcsHmacSigner.ContentHash(body);
        var sts = AcsHmacSigner.StringToSign(request.Method.Method, uri.PathAndQuery, date, uri.Authority, hash);
        request.Headers.Remove("x-ms-date");
        request.Headers.Remove("x-ms-content-sha256");
        request.Headers.TryAddWithoutValidation("x-ms-date", date);
        request.Headers.TryAddWithoutValidation("x-ms-content-sha256", hash);
        request.Headers.Authorization = null;
        request.Headers.TryAddWithoutValidation("Authorization", AcsHmacSigner.AuthorizationHeader(AcsHmacSigner.Signature(connection.AccessKey, sts)));
        return await base.SendAsync(request, cancellationToken);
    }
}
