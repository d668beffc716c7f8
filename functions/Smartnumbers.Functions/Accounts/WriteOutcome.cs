namespace Smartnumbers.Functions.Accounts;

/// <summary>How a configuration write ended; maps to an HTTP status in the admin API.</summary>
public enum WriteOutcome
{
    /// <summary>Committed with its audit row.</summary>
    Done,
    /// <summary>The resource does not exist (404).</summary>
    NotFound,
    /// <summary>If-Match did not match the current ETag (412).</summary>
    PreconditionFailed,
    /// <summary>The change conflicts with the current state, e.g. a 6th loaded plan (409).</summary>
    Conflict,
    /// <summary>The input names something that is not valid here (400).</summary>
    Invalid,
}
