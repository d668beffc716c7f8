using Microsoft.Extensions.Options;

namespace Smartnumbers.Functions.Twilio;

/// <summary>Refuses start-up with one line naming the key when a Twilio setting cannot work.</summary>
internal sealed class TwilioOptionsValidator : IValidateOptions<TwilioOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        if (!IsNetworkCallerIdHeader(options.NetworkCallerIdHeader))
        {
            return ValidateOptionsResult.Fail("Twilio__NetworkCallerIdHeader: must be an X- SIP header name such as X-Network-Caller-Id (Twilio forwards only X- headers), or empty to turn it off");
        }

        if (string.IsNullOrEmpty(options.PublicBaseUrl))
        {
            return ValidateOptionsResult.Success;
        }

        var ok = Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(uri.UserInfo)
            && string.IsNullOrEmpty(uri.Query)
            && string.IsNullOrEmpty(uri.Fragment);
        return ok
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Twilio__PublicBaseUrl: must be an absolute http(s) URL with no user info, query or fragment, such as https://smartnumbers.example.com");
    }

    /// <summary>Empty (off), or "X-" and at least one more character, all SIP token characters (RFC 3261), at most 64.</summary>
    internal static bool IsNetworkCallerIdHeader(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return true;
        }

        return header.Length is > 2 and <= 64
            && header.StartsWith("X-", StringComparison.OrdinalIgnoreCase)
            && header.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '!' or '%' or '*' or '_' or '+' or '`' or '\'' or '~');
    }
}
