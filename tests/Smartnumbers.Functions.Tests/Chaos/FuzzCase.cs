namespace Smartnumbers.Functions.Tests.Chaos;

/// <summary>One fuzzed request: the route it targets, how to build it, and a short description for a failure report.</summary>
internal sealed record FuzzCase(string Route, string Description, Func<HttpRequestMessage> Build)
{
    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A body or value shown escaped and cut short, so that a report stays readable.</summary>
    public static string Preview(string text)
    {
        var cut = text.Length > 240 ? text[..240] + $"…({text.Length} chars)" : text;
        return System.Text.Json.JsonSerializer.Serialize(cut, Relaxed);
    }
}
