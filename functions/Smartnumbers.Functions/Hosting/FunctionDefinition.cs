namespace Smartnumbers.Functions.Hosting;

/// <summary>One function of the custom-handler package, as its function.json declares it.</summary>
/// <param name="Name">Folder name = function name.</param>
/// <param name="HttpMethods">Upper-case methods of an httpTrigger; empty for a timer.</param>
/// <param name="HttpRoute">Route of an httpTrigger, without the "api/" prefix; null for a timer.</param>
/// <param name="Schedule">NCRONTAB schedule of a timerTrigger; null for HTTP.</param>
/// <param name="RunOnStartup">timerTrigger runOnStartup.</param>
public sealed record FunctionDefinition(string Name, IReadOnlyList<string> HttpMethods, string? HttpRoute, string? Schedule, bool RunOnStartup)
{
    public bool IsTimer => Schedule is not null;
}
