namespace Smartnumbers.Core.Ivr;

/// <summary>The answer to a <see cref="VerifyPin"/> request.</summary>
public enum PinCheckResult
{
    /// <summary>The staff id exists and the PIN matches its hash.</summary>
    Accepted,
    /// <summary>Unknown staff id or wrong PIN (the caller is not told which).</summary>
    Rejected,
    /// <summary>The caller's number or the staff record is locked out; the PIN was not checked.</summary>
    Locked,
}
