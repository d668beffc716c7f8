using System.Net;

namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>ACS answered an operation with an error status (after any retries).</summary>
public sealed class AcsRequestException(string operation, HttpStatusCode status, string? code, string? detail)
    : Exception($"ACS {operation} failed: {(int)status} {code} {detail}".TrimEnd())
{
    public string Operation { get; } = operation;
    public HttpStatusCode Status { get; } = status;
    public string? Code { get; } = code;
}
