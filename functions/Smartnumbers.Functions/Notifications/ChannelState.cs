namespace Smartnumbers.Functions.Notifications;

/// <summary>Where one channel (email or webhook) of an outbox entry stands.</summary>
internal enum ChannelState
{
    /// <summary>To be sent (first time, or again after a retryable failure).</summary>
    Pending,

    /// <summary>Claimed by a sender; if found so after the claim lapsed, the outcome is unknown and it is not sent again.</summary>
    Sending,

    /// <summary>Email only: ACS accepted it (202); its operation is polled.</summary>
    Accepted,

    /// <summary>Delivered (email operation Succeeded, webhook 2xx).</summary>
    Delivered,

    /// <summary>Given up: kept for an operator, counted in /api/health.</summary>
    Failed,

    /// <summary>Nobody on this channel asked for this kind.</summary>
    None,
}
