using System.Text.Json.Nodes;

namespace Smartnumbers.Functions.Tests.Chaos;

/// <summary>Walks a JSON tree for the fuzzers' mutations.</summary>
internal static class FuzzJson
{
    /// <summary>Every object in the tree, the root first.</summary>
    public static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var child in o.Select(p => p.Value).ToList())
                {
                    foreach (var inner in Objects(child))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a.ToList())
                {
                    foreach (var inner in Objects(child))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }
}
