using System.Globalization;

namespace Smartnumbers.ColdStart;

/// <summary>Command line: --app DIR --hello DIR --storage CONNECTION-STRING [--runs 5] [--label NAME].</summary>
internal sealed record ColdStartOptions(string AppDirectory, string HelloDirectory, string StorageConnectionString, int Runs, string Label)
{
    public static ColdStartOptions Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            map[args[i].TrimStart('-')] = args[i + 1];
        }

        string Required(string key) => map.TryGetValue(key, out var v) ? v : throw new ArgumentException($"--{key} is required");
        return new ColdStartOptions(Required("app"), Required("hello"), Required("storage"),
            map.TryGetValue("runs", out var runs) ? int.Parse(runs, CultureInfo.InvariantCulture) : 5,
            map.TryGetValue("label", out var label) ? label : "default");
    }
}
