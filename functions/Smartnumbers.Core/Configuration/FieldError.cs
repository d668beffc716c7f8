namespace Smartnumbers.Core.Configuration;

/// <summary>
/// One validation failure of a configuration document. <see cref="Field"/> is a camelCase JSON path
/// ("route.steps[1].ringSeconds"), ready for an RFC 9457 problem's errors map.
/// </summary>
public sealed record FieldError(string Field, string Message);
