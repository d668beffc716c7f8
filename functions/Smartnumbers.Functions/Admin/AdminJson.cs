using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Smartnumbers.Functions.Admin;

/// <summary>Reads an admin request body strictly (unknown members rejected) and names the field at fault when it cannot.</summary>
internal static partial class AdminJson
{
    public const int MaxBodyBytes = 1_000_000;

    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type, CancellationToken ct)
        where T : class
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, AdminResults.Invalid("body", $"must be at most {MaxBodyBytes} bytes."));
        }

        if (request.ContentType is { } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, TypedResults.Problem("Send application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type."));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(request.Body, type, ct);
            return value is null ? (null, AdminResults.Invalid("body", "is required.")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, AdminResults.Invalid(FieldOf(ex), MessageOf(ex)));
        }
    }

    /// <summary>"$.route.steps[0]" → "route.steps[0]"; for unknown or missing members, the member's own path.</summary>
    internal static string FieldOf(JsonException ex)
    {
        var path = ex.Path is { Length: > 1 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "";
        if (ex.Message is { } message)
        {
            if (UnknownMember().Match(message) is { Success: true } unknown)
            {
                var name = unknown.Groups[1].Value;
                return path.EndsWith(name, StringComparison.Ordinal) ? path : Join(path, name);
            }

            if (MissingMembers().Match(message) is { Success: true } missing)
            {
                return Join(path, missing.Groups[1].Value);
            }
        }

        return path.Length > 0 ? path : "body";
    }

    private static string MessageOf(JsonException ex) => ex.Message switch
    {
        var m when UnknownMember().IsMatch(m) => "is not a known member.",
        var m when MissingMembers().IsMatch(m) => "is required.",
        _ when ex.Path is null or "$" => "is not valid JSON.",
        _ => "has the wrong type or value.",
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    [GeneratedRegex(@"The JSON property '([^']+)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownMember();

    [GeneratedRegex(@"missing required properties including: '([^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex MissingMembers();
}
