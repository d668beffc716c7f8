using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;

namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>
/// The Call Automation REST operations Smartnumbers uses. Authentication (HMAC or Entra) and retries live in the
/// HttpClient's handlers (see <see cref="AcsHttpClientSetup"/>). Operations that accept Repeatability-Request-ID carry
/// one (stable across retries) and are the only ones retried, with DELETE; play and recognize are sent once.
/// Every failure surfaces as <see cref="AcsRequestException"/>, <see cref="HttpRequestException"/> or a timeout.
/// </summary>
public sealed class CallAutomationClient(HttpClient http, IOptions<AcsOptions> options, TimeProvider time)
{
    public const string HttpClientName = "acs-call-automation";
    internal static readonly HttpRequestOptionsKey<bool> Retryable = new("Smartnumbers.Acs.Retryable");
    private const string Calls = "calling/callConnections";

    public async Task<CallConnectionProperties> AnswerAsync(AnswerCallRequest body, Repeatability? repeatability = null, CancellationToken ct = default)
    {
        using var response = await SendAsync("answer", HttpMethod.Post, Calls + ":answer", Json(body, AcsJsonContext.Default.AnswerCallRequest), repeatability ?? Repeatability.New(time), ct);
        return await ReadAsync(response, AcsJsonContext.Default.CallConnectionProperties, ct) ?? new CallConnectionProperties();
    }

    public async Task RedirectAsync(RedirectCallRequest body, Repeatability? repeatability = null, CancellationToken ct = default)
    {
        using var _ = await SendAsync("redirect", HttpMethod.Post, Calls + ":redirect", Json(body, AcsJsonContext.Default.RedirectCallRequest), repeatability ?? Repeatability.New(time), ct);
    }

    public async Task RejectAsync(RejectCallRequest body, Repeatability? repeatability = null, CancellationToken ct = default)
    {
        using var _ = await SendAsync("reject", HttpMethod.Post, Calls + ":reject", Json(body, AcsJsonContext.Default.RejectCallRequest), repeatability ?? Repeatability.New(time), ct);
    }

    /// <summary>Not repeatable on the service side, so never retried (a retry could play twice).</summary>
    public async Task PlayAsync(string callConnectionId, PlayRequest body, CancellationToken ct = default)
    {
        using var _ = await SendAsync("play", HttpMethod.Post, Call(callConnectionId) + ":play", Json(body, AcsJsonContext.Default.PlayRequest), null, ct);
    }

    /// <summary>Not repeatable on the service side, so never retried.</summary>
    public async Task RecognizeAsync(string callConnectionId, RecognizeRequest body, CancellationToken ct = default)
    {
        using var _ = await SendAsync("recognize", HttpMethod.Post, Call(callConnectionId) + ":recognize", Json(body, AcsJsonContext.Default.RecognizeRequest), null, ct);
    }

    public async Task<AddParticipantResponse> AddParticipantAsync(string callConnectionId, AddParticipantRequest body, Repeatability? repeatability = null, CancellationToken ct = default)
    {
        using var response = await SendAsync("addParticipant", HttpMethod.Post, Call(callConnectionId) + "/participants:add", Json(body, AcsJsonContext.Default.AddParticipantRequest), repeatability ?? Repeatability.New(time), ct);
        return await ReadAsync(response, AcsJsonContext.Default.AddParticipantResponse, ct) ?? new AddParticipantResponse(null, null, null);
    }

    public async Task CancelAddParticipantAsync(string callConnectionId, CancelAddParticipantRequest body, Repeatability? repeatability = null, CancellationToken ct = default)
    {
        using var _ = await SendAsync("cancelAddParticipant", HttpMethod.Post, Call(callConnectionId) + "/participants:cancelAddParticipant", Json(body, AcsJsonContext.Default.CancelAddParticipantRequest), repeatability ?? Repeatability.New(time), ct);
    }

    public async Task TransferAsync(string callConnectionId, TransferToParticipantRequest body, Repeatability? repeatability = null, CancellationToken ct = default)
    {
        using var _ = await SendAsync("transfer", HttpMethod.Post, Call(callConnectionId) + ":transferToParticipant", Json(body, AcsJsonContext.Default.TransferToParticipantRequest), repeatability ?? Repeatability.New(time), ct);
    }

    /// <summary>DELETE: this app leaves the call (ends a 1:1 call). Idempotent, so retried; 404 counts as done.</summary>
    public async Task HangUpAsync(string callConnectionId, CancellationToken ct = default)
    {
        try
        {
            using var _ = await SendAsync("hangUp", HttpMethod.Delete, Call(callConnectionId), null, null, ct, retryable: true);
        }
        catch (AcsRequestException e) when (e.Status == System.Net.HttpStatusCode.NotFound)
        {
            // Already gone.
        }
    }

    /// <summary>Ends the call for every participant; 404 (the call is already gone) counts as done.</summary>
    public async Task TerminateAsync(string callConnectionId, Repeatability? repeatability = null, CancellationToken ct = default)
    {
        try
        {
            using var _ = await SendAsync("terminate", HttpMethod.Post, Call(callConnectionId) + ":terminate", null, repeatability ?? Repeatability.New(time), ct);
        }
        catch (AcsRequestException e) when (e.Status == System.Net.HttpStatusCode.NotFound)
        {
            // Already gone.
        }
    }

    private static string Call(string callConnectionId) => Calls + "/" + Uri.EscapeDataString(callConnectionId);

    private static ByteArrayContent Json<T>(T body, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, type));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private async Task<HttpResponseMessage> SendAsync(
        string operation, HttpMethod method, string path, HttpContent? content, Repeatability? repeatability, CancellationToken ct, bool retryable = false)
    {
        using var request = new HttpRequestMessage(method, path + "?api-version=" + Uri.EscapeDataString(options.Value.ApiVersion)) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (repeatability is not null)
        {
            request.Headers.TryAddWithoutValidation("Repeatability-Request-ID", repeatability.RequestId.ToString());
            request.Headers.TryAddWithoutValidation("Repeatability-First-Sent", repeatability.FirstSentHeader);
        }

        request.Options.Set(Retryable, retryable || repeatability is not null);
        var response = await http.SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            AcsErrorResponse? error = null;
            try
            {
                error = await response.Content.ReadFromJsonAsync(AcsJsonContext.Default.AcsErrorResponse, ct);
            }
            catch (JsonException)
            {
                // Not the documented error shape.
            }

            throw new AcsRequestException(operation, response.StatusCode, error?.Error?.Code, error?.Error?.Message);
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength == 0)
        {
            return default;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync(type, ct);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
