using System.Text;
using Microsoft.Extensions.Primitives;
using Smartnumbers.Functions.Twilio;

namespace Smartnumbers.Functions.Tests.Twilio;

/// <summary>The signature vectors Twilio documents for its request validation, and the edge cases around them.</summary>
public sealed class TwilioSignatureTests
{
    private const string Token = "12345";

    private static readonly Dictionary<string, StringValues> Params = new()
    {
        ["CallSid"] = "CA1234567890ABCDE",
        ["Caller"] = "+14158675309",
        ["Digits"] = "1234",
        ["From"] = "+14158675309",
        ["To"] = "+18005551212",
    };

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2", "kvajT1Ptam85bY51eRf/AJRuM3w=")]
    [InlineData("http://mycompany.com:80/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=")]
    [InlineData("http://mycompany.com/myapp.php?foo=1&bar=2", "OyGYPqTF6ztdbRNCvuQO/oPvqQ4=")]
    [InlineData("http://mycompany.com:1234/myapp.php?foo=1&bar=2", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=")]
    public void Reference_vectors_compute_to_the_documented_signature(string url, string signature)
    {
        Assert.Equal(signature, TwilioSignature.Compute(Token, url, Params));
        Assert.True(TwilioSignature.IsValid(Token, signature, url, Params));
    }

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2", "kvajT1Ptam85bY51eRf/AJRuM3w=")] // signed with :443, received without
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")] // signed without, received with
    [InlineData("http://mycompany.com/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=")]
    [InlineData("http://mycompany.com:80/myapp.php?foo=1&bar=2", "OyGYPqTF6ztdbRNCvuQO/oPvqQ4=")]
    public void A_signature_over_the_url_with_or_without_the_default_port_is_accepted(string receivedUrl, string signature) =>
        Assert.True(TwilioSignature.IsValid(Token, signature, receivedUrl, Params));

    [Fact]
    public void Json_body_vector_validates_through_bodySHA256()
    {
        var body = Encoding.UTF8.GetBytes("{\"property\": \"value\", \"boolean\": true}");
        const string hash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
        var url = "https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=" + hash;

        Assert.Equal("a9nBmqA0ju/hNViExpshrM61xv4=", TwilioSignature.Compute(Token, url, []));
        Assert.True(TwilioSignature.IsValidWithBody(Token, "a9nBmqA0ju/hNViExpshrM61xv4=", [url], body, hash));
        Assert.False(TwilioSignature.IsValidWithBody(Token, "a9nBmqA0ju/hNViExpshrM61xv4=", [url], Encoding.UTF8.GetBytes("{}"), hash));
    }

    [Fact]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "Twilio's algorithm.")]
    public void Keys_sort_ordinally_so_CallSid_comes_before_Caller()
    {
        // "CallSid" < "Caller" ordinally ('S' 0x53 < 'e' 0x65); a culture-aware sort would put Caller first.
        var ordinal = "https://x.example/v" + "CallSid" + "1" + "Caller" + "2";
        var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA1.HashData(Encoding.UTF8.GetBytes(Token), Encoding.UTF8.GetBytes(ordinal)));

        Assert.Equal(expected, TwilioSignature.Compute(Token, "https://x.example/v", new Dictionary<string, StringValues> { ["Caller"] = "2", ["CallSid"] = "1" }));
    }

    [Fact]
    public void A_changed_parameter_url_or_token_fails()
    {
        const string signature = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
        const string url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        var changed = new Dictionary<string, StringValues>(Params) { ["From"] = "+14158675300" };
        var added = new Dictionary<string, StringValues>(Params) { ["StirVerstat"] = "TN-Validation-Passed-A" };

        Assert.False(TwilioSignature.IsValid(Token, signature, url, changed));
        Assert.False(TwilioSignature.IsValid(Token, signature, url, added));
        Assert.False(TwilioSignature.IsValid(Token, signature, url + "&baz=3", Params));
        Assert.False(TwilioSignature.IsValid(Token, signature, url.Replace("myapp", "myapp/", StringComparison.Ordinal), Params));
        Assert.False(TwilioSignature.IsValid("54321", signature, url, Params));
        Assert.False(TwilioSignature.IsValid(Token, "", url, Params));
        Assert.False(TwilioSignature.IsValid(Token, "not base64!", url, Params));
        Assert.False(TwilioSignature.IsValid("", signature, url, Params));
    }

    [Fact]
    public void Url_variants_are_the_url_itself_without_port_and_with_the_default_port()
    {
        Assert.Equal(["https://h.example/a?b=1", "https://h.example:443/a?b=1"], TwilioSignature.UrlVariants("https://h.example/a?b=1"));
        Assert.Equal(["http://h.example:8080/a", "http://h.example/a"], TwilioSignature.UrlVariants("http://h.example:8080/a"));
        Assert.Equal(["http://[::1]/a", "http://[::1]:80/a"], TwilioSignature.UrlVariants("http://[::1]/a"));
    }
}
