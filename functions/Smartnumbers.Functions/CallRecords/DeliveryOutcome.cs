namespace Smartnumbers.Functions.CallRecords;

/// <summary>
/// How a call to one destination went (table DeliveryOutcomes), for passive health. One row per destination of each
/// dialled step: PartitionKey = account id, RowKey = "{destination}|{inverted ticks}|{call id}|{step}" (newest first
/// per destination; '/', '\', '#', '?' and control characters in the destination percent-encoded).
/// </summary>
/// <param name="Reached">True when the destination's side answered the attempt at all (completed, answered, busy,
/// no-answer), except a SIP 408 or 5xx, which never counts as healthy; false for failed/canceled.</param>
public sealed record DeliveryOutcome(
    string Destination,
    string CallId,
    int Step,
    string Status,
    int? SipResponseCode,
    bool Reached,
    DateTimeOffset At)
{
    public static bool IsReached(string status, int? sipResponseCode) =>
        sipResponseCode is not (408 or >= 500)
        && status is "completed" or "answered" or "busy" or "no-answer";
}
