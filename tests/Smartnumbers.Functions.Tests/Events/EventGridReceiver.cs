using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Smartnumbers.Functions.Tests.DeliveryHealth;

namespace Smartnumbers.Functions.Tests.Events;

/// <summary>
/// A local stand-in for an Event Grid topic: checks each publish request as Event Grid would (POST, CloudEvents batch
/// content type, aeg-sas-key) and records the events it accepted.
/// </summary>
public sealed class EventGridReceiver(int port, string key) : IAsyncDisposable
{
    public const string BatchContentType = "application/cloudevents-batch+json; charset=utf-8";

    private LocalHttpEndpoint? _endpoint;

    public int Port { get; } = port;

    public string Endpoint => $"http://127.0.0.1:{Port}/api/events";

    public ConcurrentQueue<JsonElement> Accepted { get; } = new();

    public ConcurrentQueue<string> Rejections { get; } = new();

    public Task StartAsync()
    {
        _endpoint = new LocalHttpEndpoint(Port, HandleAsync);
        return _endpoint.StartAsync();
    }

    public Task StopAsync() => _endpoint?.StopAsync() ?? Task.CompletedTask;

    private async Task HandleAsync(HttpContext ctx)
    {
        string? problem = null;
        if (ctx.Request.Method != "POST" || ctx.Request.Path != "/api/events")
        {
            problem = $"{ctx.Request.Method} {ctx.Request.Path}";
        }
        else if (!string.Equals(ctx.Request.ContentType, BatchContentType, StringComparison.OrdinalIgnoreCase))
        {
            problem = "content type " + ctx.Request.ContentType;
        }
        else if (ctx.Request.Headers["aeg-sas-key"] != key)
        {
            ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
            Rejections.Enqueue("aeg-sas-key");
            return;
        }

        if (problem is not null)
        {
            Rejections.Enqueue(problem);
            ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var doc = await JsonDocument.ParseAsync(ctx.Request.Body);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            Rejections.Enqueue("not a JSON array");
            ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        foreach (var e in doc.RootElement.EnumerateArray())
        {
            Accepted.Enqueue(e.Clone());
        }
    }

    public ValueTask DisposeAsync() => _endpoint?.DisposeAsync() ?? ValueTask.CompletedTask;
}
