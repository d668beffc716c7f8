using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Smartnumbers.Functions.Tests.Acs;

/// <summary>
/// A local HTTPS listener standing in for ACS (Kestrel on 127.0.0.1 with a self-signed certificate made here): it
/// records every request, answers each Call Automation operation as ACS documents, serves a JWKS at /calling/keys, and
/// can be told to fail requests (<see cref="FailWhen"/>).
/// </summary>
public sealed class FakeAcsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _invitations;

    private FakeAcsServer(WebApplication app, X509Certificate2 certificate, string certificatePemPath)
    {
        _app = app;
        Certificate = certificate;
        CertificatePemPath = certificatePemPath;
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>The certificate as PEM on disk, for NODE_EXTRA_CA_CERTS.</summary>
    public string CertificatePemPath { get; }

    public Uri BaseUri { get; private set; } = null!;

    public string AccessKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string ConnectionString => $"endpoint={BaseUri};accesskey={AccessKey}";

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public string Jwks { get; set; } = """{"keys":[]}""";

    /// <summary>The final status of the ACS Email operation a captured <c>emails:send</c> starts (default Succeeded).</summary>
    public Func<RecordedRequest, string> EmailOutcome { get; set; } = _ => "Succeeded";

    private readonly ConcurrentDictionary<string, string> _emailOperations = new(StringComparer.Ordinal);

    /// <summary>When it returns a status for a request, that status is the reply (with an ACS error body).</summary>
    public Func<RecordedRequest, int?>? FailWhen { get; set; }

    public static async Task<FakeAcsServer> StartAsync()
    {
        var certificate = CreateCertificate();
        var pem = Path.Combine(Path.GetTempPath(), $"fake-acs-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(pem, certificate.ExportCertificatePem());

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        var app = builder.Build();
        var server = new FakeAcsServer(app, certificate, pem);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return server;
    }

    /// <summary>An HttpClient handler that trusts exactly this server's certificate.</summary>
    public HttpMessageHandler CreateTrustingHandler() => new SocketsHttpHandler
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == Certificate.GetCertHashString(),
        },
    };

    public IReadOnlyList<RecordedRequest> RequestsWhere(Func<RecordedRequest, bool> predicate) => Requests.Where(predicate).ToList();

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.QueryString.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            buffer.ToArray());

        if (request.Path == "/calling/keys")
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Jwks);
            return;
        }

        Requests.Enqueue(request);
        if (FailWhen?.Invoke(request) is { } failure)
        {
            context.Response.StatusCode = failure;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"error":{"code":"Injected","message":"test failure"}}""");
            return;
        }

        if (request.Method == "POST" && request.Path == "/emails:send")
        {
            var operationId = Guid.NewGuid().ToString("N");
            _emailOperations[operationId] = EmailOutcome(request);
            context.Response.StatusCode = 202;
            context.Response.Headers["operation-location"] = new Uri(BaseUri, $"emails/operations/{operationId}?api-version=2025-09-01").AbsoluteUri;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JsonObject { ["id"] = operationId, ["status"] = "Running" }.ToJsonString());
            return;
        }

        if (request.Method == "GET" && request.Path.StartsWith("/emails/operations/", StringComparison.Ordinal))
        {
            var id = request.Path["/emails/operations/".Length..];
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JsonObject { ["id"] = id, ["status"] = _emailOperations.GetValueOrDefault(id, "NotFound") }.ToJsonString());
            return;
        }

        var (status, body) = Reply(request);
        context.Response.StatusCode = status;
        if (body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body.ToJsonString());
        }
    }

    private (int, JsonNode?) Reply(RecordedRequest r)
    {
        var json = r.Json;
        return r.Operation switch
        {
            "answer" => (200, new JsonObject
            {
                ["callConnectionId"] = "conn-" + Guid.NewGuid().ToString("N"),
                ["serverCallId"] = "server-call",
                ["callConnectionState"] = "connecting",
            }),
            "add" => (202, new JsonObject
            {
                ["invitationId"] = "inv-" + Interlocked.Increment(ref _invitations),
                ["operationContext"] = json?["operationContext"]?.GetValue<string>(),
                ["participant"] = new JsonObject { ["identifier"] = json?["participantToAdd"]?.DeepClone() },
            }),
            "cancelAddParticipant" => (202, new JsonObject { ["invitationId"] = json?["invitationId"]?.GetValue<string>() }),
            "transferToParticipant" => (202, new JsonObject { ["operationContext"] = json?["operationContext"]?.GetValue<string>() }),
            "play" or "recognize" => (202, null),
            _ => (204, null),
        };
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.KeyEncipherment, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.Parse("2020-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse("2099-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
        File.Delete(CertificatePemPath);
    }
}
