using System.ComponentModel.DataAnnotations;

namespace Smartnumbers.Functions.CallRecords;

/// <summary>Settings of the background call-record writer. Section "CallRecords".</summary>
public sealed class CallRecordOptions
{
    public const string Section = "CallRecords";

    /// <summary>Events held in memory before new ones are spilled to disk (default 10 000; 100–1 000 000).</summary>
    [Range(100, 1_000_000)]
    public int Capacity { get; set; } = 10_000;

    /// <summary>Events written to storage at once (default 8; 1–64).</summary>
    [Range(1, 64)]
    public int Writers { get; set; } = 8;

    /// <summary>Events a writer takes from the queue at once; their <see cref="CallStarted"/> events go to storage in a few
    /// transactions (default 200; 1–1 000).</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// How often the calls counted in memory are written to the velocity counters (default 5 000 ms; 50–60 000). Other
    /// instances see a call's count at most this much later (this instance at once); each row changed in the
    /// interval is written once, however many calls it counted.
    /// </summary>
    [Range(50, 60_000)]
    public int CounterFlushMilliseconds { get; set; } = 5000;

    /// <summary>
    /// Where events that cannot be held or written yet are kept (JSON lines) until storage takes them, with the counter
    /// rows saved at shutdown: while storage fails, when the queue is full, and at shutdown. Read back on start and
    /// whenever the queue is idle. Each storage account has its own subfolder ({account name}-{hash of its table
    /// endpoint}), and an instance reads only its own account's, so instances of other environments sharing the folder
    /// never replay into the wrong storage. Default: {temp}/smartnumbers/call-records, which is the instance's own and
    /// is lost with it on a scale-in; in Azure set it to a mounted Azure Files share that every instance sees
    /// (docs/call-pipeline.md, "Durability").
    /// </summary>
    public string SpillFolder { get; set; } = Path.Combine(Path.GetTempPath(), "smartnumbers", "call-records");

    /// <summary>The subfolder of <see cref="SpillFolder"/> kept for the storage account <paramref name="accountTag"/>.</summary>
    public string AccountFolder(string accountTag) => Path.Combine(SpillFolder, accountTag);

    /// <summary>On shutdown, how long to keep writing before spilling what is left (default 20 s; 0–120).</summary>
    [Range(0, 120)]
    public int ShutdownFlushSeconds { get; set; } = 20;

    /// <summary>Longest wait between retries while storage fails (default 10 s; 1–300).</summary>
    [Range(1, 300)]
    public int MaxBackoffSeconds { get; set; } = 10;
}
