using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Smartnumbers.Functions.Notifications;

/// <summary>
/// ACS Email over REST: <c>POST /emails:send?api-version=…</c> answers 202 with an <c>operation-location</c>, which
/// is polled with GET. Authentication (HMAC with the Acs connection string, or Entra) is the Call Automation client's
/// handler. No retries here: the notification outbox owns retries, so one send is one attempt.
/// </summary>
public sealed class AcsEmailClient(HttpClient http, IOptions<NotificationOptions> options)
{
    public const string HttpClientName = "acs-email";

    /// <summary>Sends <paramref name="message"/>; answers the operation-location to poll.</summary>
    /// <exception cref="NotificationSendException">ACS refused it (the status says whether to retry).</exception>
    public async Task<Uri> SendAsync(EmailMessage message, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(message, NotificationJsonContext.Default.EmailMessage);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"./emails:send?api-version={Uri.EscapeDataString(options.Value.EmailApiVersion)}")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw await NotificationSendException.FromAsync("ACS Email", response, ct);
        }

        return response.Headers.TryGetValues("operation-location", out var values) && Uri.TryCreate(values.First(), UriKind.Absolute, out var location)
            ? location
            : throw new NotificationSendException("ACS Email answered 202 without an operation-location", null);
    }

    /// <summary>Polls an operation from <see cref="SendAsync"/>.</summary>
    public async Task<EmailOperation> GetOperationAsync(Uri operationLocation, CancellationToken ct)
    {
        using var response = await http.GetAsync(operationLocation, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw await NotificationSendException.FromAsync("ACS Email operation", response, ct);
        }

        return await response.Content.ReadFromJsonAsync(NotificationJsonContext.Default.EmailOperation, ct)
            ?? new EmailOperation(null, null, null);
    }
}
