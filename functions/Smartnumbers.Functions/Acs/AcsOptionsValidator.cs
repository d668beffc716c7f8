using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Smartnumbers.Functions.Acs;

/// <summary>Refuses start-up with one line naming the key when the ACS settings cannot work.</summary>
internal sealed partial class AcsOptionsValidator : IValidateOptions<AcsOptions>
{
    public ValidateOptionsResult Validate(string? name, AcsOptions o)
    {
        if (!o.IsEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        var error = Check(o);
        return error is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(error);
    }

    private static string? Check(AcsOptions o)
    {
        if (!string.IsNullOrWhiteSpace(o.ConnectionString) && !string.IsNullOrWhiteSpace(o.Endpoint))
        {
            return "Acs__Endpoint: set either Acs__ConnectionString (access key) or Acs__Endpoint (managed identity), not both";
        }

        if (!string.IsNullOrWhiteSpace(o.ConnectionString) && !AcsConnectionString.TryParse(o.ConnectionString, out _, out var csError))
        {
            return "Acs__ConnectionString: not a valid ACS connection string (" + csError + ")";
        }

        if (!string.IsNullOrWhiteSpace(o.Endpoint) && !IsHttps(o.Endpoint))
        {
            return "Acs__Endpoint: must be an absolute https URI such as https://myacs.communication.azure.com";
        }

        if (!IsHttpUri(o.CallbackBaseUrl))
        {
            return "Acs__CallbackBaseUrl: required, the public https base URL ACS calls back (e.g. https://myapp.azurewebsites.net)";
        }

        if (string.IsNullOrWhiteSpace(o.EffectiveCallbackAudience))
        {
            return "Acs__ResourceId: required, the ACS resource's immutable id (GUID), the audience of callback tokens";
        }

        if (o.RequiresSecret && o.EventGridSecrets.Count == 0)
        {
            return $"Acs__EventGridSecret: required when Acs__EventGridAuth is {o.EventGridAuth.ToString().ToLowerInvariant()} (comma-separate old and new during rotation)";
        }

        if (o.RequiresSecret && o.EventGridSecrets.Any(s => s.Length < 16))
        {
            return "Acs__EventGridSecret: each secret must be at least 16 characters";
        }

        if (o.RequiresEntra && string.IsNullOrWhiteSpace(o.EventGridAudience))
        {
            return "Acs__EventGridAudience: required when Acs__EventGridAuth is entra or both (the webhook app id or app id URI)";
        }

        if (o.RequiresEntra && string.IsNullOrWhiteSpace(o.EventGridTenantId))
        {
            return "Acs__EventGridTenantId: required when Acs__EventGridAuth is entra or both";
        }

        if (o.RequiresEntra && !IsHttpUri(o.EffectiveEventGridJwksUri))
        {
            return "Acs__EventGridJwksUri: must be an absolute URI";
        }

        if (!string.IsNullOrWhiteSpace(o.CallerId) && !Accounts.E164.IsShaped(o.CallerId))
        {
            return "Acs__CallerId: must be the ACS phone number in E.164 (e.g. +448001234567), used as caller ID on PSTN legs";
        }

        if (!ApiVersion().IsMatch(o.ApiVersion ?? ""))
        {
            return "Acs__ApiVersion: must look like 2026-03-12 (optionally -preview)";
        }

        if (!IsHttpUri(o.CallbackJwksUri))
        {
            return "Acs__CallbackJwksUri: must be an absolute URI";
        }

        if (string.IsNullOrWhiteSpace(o.CallbackIssuer))
        {
            return "Acs__CallbackIssuer: must not be empty";
        }

        if (o.OperationTimeoutSeconds is < 1 or > 20)
        {
            return "Acs__OperationTimeoutSeconds: must be between 1 and 20 (the call rings 30 s)";
        }

        return o.AttemptTimeoutSeconds is < 0.5 or > 10 || o.AttemptTimeoutSeconds > o.OperationTimeoutSeconds
            ? "Acs__AttemptTimeoutSeconds: must be between 0.5 and 10 and not above Acs__OperationTimeoutSeconds"
            : null;
    }

    private static bool IsHttps(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    private static bool IsHttpUri(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(-preview)?$")]
    private static partial Regex ApiVersion();
}
