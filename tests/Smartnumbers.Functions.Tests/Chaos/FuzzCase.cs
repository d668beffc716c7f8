namespace Smartnumbers.Functions.Tests.Chaos;

/// <summary>One fuzzed request: the route it targets, how to build it, and a short description for a failure report.</summary>
internal sealed record FuzzCase(string Route, string Description, Func<HttpRequestMessage> Build)
{
    /// <summary>A body or value shown escaped and cut short, so that a report stays readable.</summary>
    public static string Preview(string text)
    {
        var escaped = System.Text.Json.JsonSerializer.Serialize(text.Length > 240 ? text[..240] + $"…({text.Length} chars)" : text);
        return escaped;
    }
}
