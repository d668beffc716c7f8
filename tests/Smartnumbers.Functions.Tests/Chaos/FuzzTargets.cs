namespace Smartnumbers.Functions.Tests.Chaos;

/// <summary>
/// What the fuzzed requests aim at, set up before the run: the call account's numbers (normal, two-step, fraud, the
/// dial-in line), genuine &lt;Dial action&gt; links and ACS callback URIs harvested from real calls, and the admin account.
/// </summary>
internal sealed record FuzzTargets(
    IReadOnlyList<string> Numbers,
    string ControlLine,
    IReadOnlyList<string> ActionLinks,
    IReadOnlyList<string> CallbackLinks,
    string AdminAccount);
