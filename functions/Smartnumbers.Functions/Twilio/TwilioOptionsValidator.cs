using Microsoft.Extensions.Options;

namespace Smartnumbers.Functions.Twilio;

/// <summary>Refuses start-up with one line naming the key when a Twilio setting cannot work.</summary>
internal sealed class TwilioOptionsValidator : IValidateOptions<TwilioOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
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
}
