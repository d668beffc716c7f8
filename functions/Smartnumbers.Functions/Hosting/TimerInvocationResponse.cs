namespace Smartnumbers.Functions.Hosting;

/// <summary>The custom-handler reply the Functions host expects: always a JSON object.</summary>
public sealed record TimerInvocationResponse(IReadOnlyDictionary<string, object?> Outputs, IReadOnlyList<string> Logs, object? ReturnValue);
