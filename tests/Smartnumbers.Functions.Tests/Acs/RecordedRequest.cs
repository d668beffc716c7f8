using System.Text;
using System.Text.Json.Nodes;

namespace Smartnumbers.Functions.Tests.Acs;

/// <summary>One request the stand-in ACS received.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string PathAndQuery => Path + Query;

    public string BodyText => Encoding.UTF8.GetString(Body);

    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;

    /// <summary>The operation's name: the last path segment's action ("answer", "participants:add", "DELETE").</summary>
    public string Operation => Method == "DELETE" ? "hangUp" : Path[(Path.LastIndexOf(':') + 1)..];
}
