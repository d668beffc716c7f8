namespace Smartnumbers.Functions.Twilio.Twiml;

/// <summary>A TwiML reply: 200, Content-Type text/xml; charset=utf-8, Content-Length set (Twilio truncates chunked replies).</summary>
public sealed class TwimlResult(byte[] utf8) : IResult
{
    public const string ContentType = "text/xml; charset=utf-8";

    public ReadOnlyMemory<byte> Body => utf8;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = utf8.Length;
        return response.Body.WriteAsync(utf8, httpContext.RequestAborted).AsTask();
    }
}
