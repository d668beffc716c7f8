using System.Net;

namespace Smartnumbers.Functions.Notifications;

/// <summary>A send was refused. <see cref="Retryable"/>: 5xx, 408 and 429 are worth another attempt; other 4xx are not.</summary>
public sealed class NotificationSendException(string message, HttpStatusCode? status) : Exception(message)
{
    public HttpStatusCode? Status { get; } = status;

    public bool Retryable => Status is null or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)Status >= 500;

    public static async Task<NotificationSendException> FromAsync(string what, HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        return new($"{what} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}", response.StatusCode);
    }
}
