using System.Text;
using System.Text.Json;

namespace Smartnumbers.Functions.CallRecords;

/// <summary>
/// Events kept on local disk while they cannot be held in memory or written to storage: JSON lines in
/// spill-{process}-{n}.jsonl. A file is claimed for replay by renaming it to *.replay (a crash mid-replay leaves it to
/// be replayed again on the next start: writes are idempotent). Permanently refused events go to dead-*.jsonl.
/// </summary>
internal sealed class CallRecordSpill : IDisposable
{
    private readonly string _folder;
    private readonly Lock _gate = new();
    private readonly string _instance = Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8];
    private int _generation;
    private readonly Dictionary<string, (long Length, long Lines)> _counted = new(StringComparer.Ordinal);
    private StreamWriter? _open;
    private string? _openPath;

    public CallRecordSpill(string folder)
    {
        _folder = folder;
        Directory.CreateDirectory(folder);
    }

    public string Folder => _folder;

    public void Dispose()
    {
        lock (_gate)
        {
            _open?.Dispose();
            _open = null;
        }
    }

    private string Current => Path.Combine(_folder, $"spill-{_instance}-{_generation}.jsonl");

    /// <summary>Appends to the current spill file, kept open between appends (flushed to the OS on every append).</summary>
    public void Append(IEnumerable<CallEvent> events)
    {
        var text = Lines(events);
        if (text.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_open is null || _openPath != Current)
            {
                _open?.Dispose();
                _openPath = Current;
                _open = new StreamWriter(new FileStream(_openPath, FileMode.Append, FileAccess.Write, FileShare.Read | FileShare.Delete), new UTF8Encoding(false));
            }

            _open.Write(text);
            _open.Flush();
        }
    }

    public void DeadLetter(CallEvent ev)
    {
        var text = Lines([ev]);
        lock (_gate)
        {
            File.AppendAllText(Path.Combine(_folder, $"dead-{_instance}.jsonl"), text);
        }
    }

    /// <summary>True when some spill file waits for replay.</summary>
    /// <remarks>Claimed files end in .replay or .replay-{instance}.</remarks>
    public bool HasWaiting() => Directory.Exists(_folder) && Directory.EnumerateFiles(_folder, "spill-*.jsonl").Any();

    /// <summary>Claims the waiting spill files (and, at start, replay files a dead process left) for replay.</summary>
    public List<string> Claim(bool includeAbandoned)
    {
        lock (_gate)
        {
            _generation++; // later appends go to a new file; the old one is closed and may now be claimed
            _open?.Dispose();
            _open = null;
        }

        var claimed = new List<string>();
        foreach (var file in Directory.EnumerateFiles(_folder, "spill-*.jsonl").Order(StringComparer.Ordinal))
        {
            var target = file + ".replay";
            try
            {
                File.Move(file, target);
                claimed.Add(target);
            }
            catch (IOException)
            {
                // Being written or claimed by someone else: next time.
            }
        }

        if (includeAbandoned)
        {
            // Left by a process that died mid-replay; renamed once more so that only one instance takes each.
            foreach (var file in Directory.EnumerateFiles(_folder, "*.jsonl.replay").Except(claimed, StringComparer.Ordinal).ToList())
            {
                var target = file + "-" + _instance;
                try
                {
                    File.Move(file, target);
                    claimed.Add(target);
                }
                catch (IOException)
                {
                    // Another instance took it.
                }
            }
        }

        return claimed;
    }

    /// <summary>
    /// Events in spill files waiting for replay (claimed or not), and events in dead-letter files. Files only grow until
    /// they are renamed or deleted, so each is read once: later calls read only what was appended since.
    /// </summary>
    public (long Waiting, long DeadLettered) Count()
    {
        lock (_counted)
        {
            long waiting = 0, dead = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (!Directory.Exists(_folder))
            {
                return (0, 0); // Unmounted or removed: nothing this instance can count or replay there now.
            }

            foreach (var file in Directory.EnumerateFiles(_folder, "*.jsonl*"))
            {
                var name = Path.GetFileName(file);
                var isDead = name.StartsWith("dead-", StringComparison.Ordinal);
                if (!isDead && !name.StartsWith("spill-", StringComparison.Ordinal))
                {
                    continue;
                }

                seen.Add(file);
                var lines = Lines(file);
                if (isDead)
                {
                    dead += lines;
                }
                else
                {
                    waiting += lines;
                }
            }

            foreach (var gone in _counted.Keys.Where(k => !seen.Contains(k)).ToList())
            {
                _counted.Remove(gone);
            }

            return (waiting, dead);
        }
    }

    private long Lines(string file)
    {
        _counted.TryGetValue(file, out var known);
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);
            if (stream.Length < known.Length)
            {
                known = default; // Not the file counted before: count it all.
            }

            stream.Position = known.Length;
            var buffer = new byte[64 * 1024];
            var lines = known.Lines;
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }

            _counted[file] = (stream.Position, lines);
            return lines;
        }
        catch (FileNotFoundException)
        {
            return 0; // Replayed and deleted since the listing.
        }
    }

    public static IEnumerable<CallEvent> Read(string file)
    {
        foreach (var line in File.ReadLines(file))
        {
            if (line.Length == 0)
            {
                continue;
            }

            CallEvent? ev;
            try
            {
                ev = JsonSerializer.Deserialize(line, CallRecordJsonContext.Default.CallEvent);
            }
            catch (JsonException)
            {
                continue; // A line cut short by a crash mid-write.
            }

            if (ev is not null)
            {
                yield return ev;
            }
        }
    }

    private static string Lines(IEnumerable<CallEvent> events)
    {
        var text = new StringBuilder();
        foreach (var ev in events)
        {
            text.Append(JsonSerializer.Serialize(ev, CallRecordJsonContext.Default.CallEvent)).Append('\n');
        }

        return text.ToString();
    }
}
