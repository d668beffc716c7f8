using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Smartnumbers.Functions.Tests.Acs;

/// <summary>Our own ACS HMAC verifier, written from the reference (not the app's signer).</summary>
internal static class AcsSignature
{
    public static void AssertSigned(RecordedRequest r, string accessKey)
    {
        var hash = Convert.ToBase64String(SHA256.HashData(r.Body));
        Assert.Equal(hash, r.Header("x-ms-content-sha256"));
        var date = r.Header("x-ms-date")!;
        var sent = DateTimeOffset.ParseExact(date, "r", CultureInfo.InvariantCulture);
        Assert.InRange(sent, TimeProvider.System.GetUtcNow().AddMinutes(-5), TimeProvider.System.GetUtcNow().AddMinutes(1));
        var stringToSign = $"{r.Method}\n{r.PathAndQuery}\n{date};{r.Header("host")};{hash}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(accessKey), Encoding.UTF8.GetBytes(stringToSign)));
        Assert.Equal($"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}", r.Header("authorization"));
    }
}
