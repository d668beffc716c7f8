using Microsoft.Extensions.Primitives;

namespace Smartnumbers.Benchmarks;

/// <summary>A voice webhook's form as Twilio posts it, and the dial-result link of its answer.</summary>
internal static class TwilioSdkFixture
{
    public const string Action = "https://smartnumbers.example/api/twilio/dial-result?step=1&n=2";

    public static Dictionary<string, StringValues> Form() => new(StringComparer.Ordinal)
    {
        ["AccountSid"] = "AC00000000000000000000000000000000",
        ["ApiVersion"] = "2010-04-01",
        ["CallSid"] = "CA0123456789abcdef0123456789abcdef",
        ["CallStatus"] = "ringing",
        ["Called"] = "+441134960001",
        ["Caller"] = "+447700900123",
        ["Direction"] = "inbound",
        ["From"] = "+447700900123",
        ["FromCountry"] = "GB",
        ["To"] = "+441134960001",
        ["ToCountry"] = "GB",
    };
}
