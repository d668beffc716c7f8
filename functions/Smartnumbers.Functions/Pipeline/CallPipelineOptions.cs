namespace Smartnumbers.Functions.Pipeline;

/// <summary>Section "CallPipeline": how long a call may wait on storage at each stage of its decision.</summary>
public sealed class CallPipelineOptions
{
    public const string Section = "CallPipeline";

    /// <summary>
    /// Twilio: how long after arrival a call may keep trying storage to learn who owns a number this instance has never
    /// read (default 4 s; 0–10 s). Past it: the emergency route, else HTTP 503 (Twilio then fetches the number's Fallback URL).
    /// </summary>
    public TimeSpan TwilioOwnerBudget { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// ACS: the same for an IncomingCall (default 15 s; 0–25 s; Event Grid waits 30 s). Past it: the emergency route, else
    /// the call is left alone (a 503 would make Event Grid retry after the call has stopped ringing).
    /// </summary>
    public TimeSpan AcsOwnerBudget { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a call waits for the caller's velocity counters when this instance has no fresh figures (default 5 ms;
    /// 0–2 s). Past it the call is decided with this instance's own counts while the read completes in the background.
    /// </summary>
    public TimeSpan HistoryBudget { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>How long a high-risk call waits for a divert-cap slot (default 1 s; 0–5 s). Past it: routed normally and flagged.</summary>
    public TimeSpan DivertCapBudget { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the simulator waits for the caller's counters (default 2 s; 0–10 s).</summary>
    public TimeSpan SimulationHistoryBudget { get; set; } = TimeSpan.FromSeconds(2);
}
