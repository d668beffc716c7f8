namespace Smartnumbers.Functions.Admin;

/// <summary>One validation failure: the JSON path of the field (e.g. "route.steps[0].ringSeconds") and what is wrong.</summary>
public sealed record FieldError(string Field, string Message);
