using System.Text.Json;

namespace Smartnumbers.Functions.Hosting;

/// <summary>The function.json files of the package: one folder per function beside host.json.</summary>
public sealed class FunctionManifest(IReadOnlyList<FunctionDefinition> functions)
{
    public IReadOnlyList<FunctionDefinition> Functions { get; } = functions;

    public FunctionDefinition? Find(string name) =>
        Functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads every <c>*/function.json</c> under <paramref name="root"/>.</summary>
    public static FunctionManifest Load(string root)
    {
        var list = new List<FunctionDefinition>();
        foreach (var file in Directory.EnumerateFiles(root, "function.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var folder = Path.GetFileName(Path.GetDirectoryName(file)!);
            // Only the package layout counts: <root>/<Function>/function.json.
            if (!string.Equals(Path.GetFullPath(Path.Combine(root, folder, "function.json")), Path.GetFullPath(file), StringComparison.Ordinal))
            {
                continue;
            }

            list.Add(Parse(folder, File.ReadAllText(file)));
        }

        return new FunctionManifest(list);
    }

    public static FunctionDefinition Parse(string name, string json)
    {
        using var doc = JsonDocument.Parse(json);
        foreach (var binding in doc.RootElement.GetProperty("bindings").EnumerateArray())
        {
            var type = binding.GetProperty("type").GetString();
            if (string.Equals(type, "httpTrigger", StringComparison.OrdinalIgnoreCase))
            {
                var methods = binding.TryGetProperty("methods", out var m)
                    ? m.EnumerateArray().Select(x => x.GetString()!.ToUpperInvariant()).ToArray()
                    : ["GET", "POST"];
                var route = binding.TryGetProperty("route", out var r) ? r.GetString() : name;
                return new FunctionDefinition(name, methods, route, null, false);
            }

            if (string.Equals(type, "timerTrigger", StringComparison.OrdinalIgnoreCase))
            {
                var schedule = binding.GetProperty("schedule").GetString()
                    ?? throw new InvalidDataException($"{name}/function.json: timerTrigger has no schedule");
                var onStartup = binding.TryGetProperty("runOnStartup", out var s) && s.ValueKind == JsonValueKind.True;
                return new FunctionDefinition(name, [], null, schedule, onStartup);
            }
        }

        throw new InvalidDataException($"{name}/function.json has neither an httpTrigger nor a timerTrigger binding");
    }
}
