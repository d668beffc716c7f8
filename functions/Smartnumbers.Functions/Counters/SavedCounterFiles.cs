using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Smartnumbers.Functions.Counters;

/// <summary>
/// The counters' files in a spill folder (which belongs to one storage account). Rows saved on shutdown:
/// "counters-{shard}-{id}-{n}rows.json", a JSON list written whole, claimed for replay by renaming it to
/// "….replay-{shard}". Rows storage refused: "counters-dead-{shard}-{id}-{n}rows.jsonl", a row per line with why, kept
/// for an operator and never replayed. The row count in each name lets <see cref="Count"/> answer without reading.
/// </summary>
internal static partial class SavedCounterFiles
{
    /// <summary>Saved files waiting for replay, as a search pattern.</summary>
    public const string Waiting = "counters-*.json";

    private const string DeadPrefix = "counters-dead-";

    /// <summary>Writes <paramref name="rows"/> to a new saved file, whole or not at all.</summary>
    public static void Save(string folder, string shard, IReadOnlyList<SavedCounterRow> rows) =>
        WriteWhole(folder, $"counters-{shard}-{Guid.NewGuid():N}-{rows.Count}rows.json", JsonSerializer.Serialize(rows.ToList(), CounterJsonContext.Default.ListSavedCounterRow));

    /// <summary>Keeps rows storage refused in a new dead-letter file (a row per line); returns its path.</summary>
    public static string DeadLetter(string folder, string shard, IReadOnlyList<SavedCounterRow> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(JsonSerializer.Serialize(row, CounterJsonContext.Default.SavedCounterRow)).Append('\n');
        }

        return WriteWhole(folder, $"{DeadPrefix}{shard}-{Guid.NewGuid():N}-{rows.Count}rows.jsonl", text.ToString());
    }

    /// <summary>True when a saved file waits for replay.</summary>
    public static bool AnyWaiting(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder, Waiting).Any(f => !IsDead(f));

    /// <summary>Saved files to replay: those waiting, and those an instance claimed and then died replaying.</summary>
    public static List<string> ToReplay(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, Waiting).Concat(Directory.EnumerateFiles(folder, Waiting + ".replay-*"))
                .Where(f => !IsDead(f)).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>Rows in saved files (waiting or claimed) and rows in dead-letter files.</summary>
    public static (long Waiting, long DeadLettered) Count(string folder)
    {
        long waiting = 0, dead = 0;
        if (!Directory.Exists(folder))
        {
            return (0, 0);
        }

        foreach (var file in Directory.EnumerateFiles(folder, "counters-*"))
        {
            var name = Path.GetFileName(file);
            if (IsDead(file) && name.EndsWith(".jsonl", StringComparison.Ordinal))
            {
                dead += Rows(file, dead: true);
            }
            else if (name.EndsWith(".json", StringComparison.Ordinal) || name.Contains(".json.replay-", StringComparison.Ordinal))
            {
                waiting += Rows(file, dead: false);
            }
        }

        return (waiting, dead);
    }

    /// <summary>The rows of a saved file; null when it is not readable JSON.</summary>
    public static List<SavedCounterRow>? Read(string file)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(file), CounterJsonContext.Default.ListSavedCounterRow) ?? [];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsDead(string file) => Path.GetFileName(file).StartsWith(DeadPrefix, StringComparison.Ordinal);

    private static long Rows(string file, bool dead)
    {
        if (RowCount().Match(Path.GetFileName(file)) is { Success: true } m)
        {
            return long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        try
        {
            // Named by hand or by an earlier version: read it.
            return dead ? File.ReadLines(file).Count(l => l.Length > 0) : Read(file)?.Count ?? 0;
        }
        catch (IOException)
        {
            return 0; // Replayed and deleted since the listing.
        }
    }

    private static string WriteWhole(string folder, string name, string text)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name);
        File.WriteAllText(file + ".tmp", text);
        File.Move(file + ".tmp", file);
        return file;
    }

    [GeneratedRegex(@"-(\d{1,9})rows\.jsonl?")]
    private static partial Regex RowCount();
}
