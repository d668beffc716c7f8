using Smartnumbers.Functions.Ivr;

namespace Smartnumbers.Functions.Tests.Ivr;

public sealed class Pbkdf2PinVerifierTests
{
    private readonly Pbkdf2PinVerifier _verifier = new();

    [Fact]
    public void The_right_pin_matches_its_hash()
    {
        Assert.True(_verifier.Verify("482913", TestPins.Hash("482913")));
    }

    [Fact]
    public void A_wrong_pin_does_not_match()
    {
        Assert.False(_verifier.Verify("482914", TestPins.Hash("482913")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("482913")]
    [InlineData("pbkdf2-sha1$1000$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$abc$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$1000$not base64!$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$99999999$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==$c2hvcnQ=")]
    public void A_hash_it_cannot_read_matches_nothing(string pinHash)
    {
        Assert.False(_verifier.Verify("482913", pinHash));
    }
}
