using Smartnumbers.Functions.Acs.Events;
using Smartnumbers.Functions.Acs.Rest;

namespace Smartnumbers.Functions.Tests.Acs;

/// <summary>IncomingCall parties are read defensively (reference §1).</summary>
public sealed class CallerIdentityTests
{
    [Fact]
    public void Anonymous_caller_is_withheld()
    {
        var id = CallerIdentity.From(new CommunicationIdentifierModel { Kind = "phoneNumber", RawId = "4:anonymous", PhoneNumber = new("anonymous", true) });

        Assert.True(id.Withheld);
        Assert.Null(id.Number);
    }

    [Fact]
    public void Missing_isAnonymous_and_unknown_kind_fall_back_to_the_raw_id()
    {
        Assert.True(CallerIdentity.From(new CommunicationIdentifierModel { Kind = "unknown", RawId = "4:anonymous" }).Withheld);
        var number = CallerIdentity.From(new CommunicationIdentifierModel { Kind = "UNKNOWN", RawId = "4:+447700900123" });
        Assert.False(number.Withheld);
        Assert.Equal("+447700900123", number.Number);
    }

    [Fact]
    public void Asserted_id_suffix_is_not_part_of_the_number()
    {
        var id = CallerIdentity.From(new CommunicationIdentifierModel { RawId = "4:+447700900123_abc" });

        Assert.Equal("+447700900123", id.Number);
    }

    [Fact]
    public void An_acs_user_is_not_a_phone_number()
    {
        var id = CallerIdentity.From(new CommunicationIdentifierModel { Kind = "communicationUser", RawId = "8:acs:123", CommunicationUser = new("8:acs:123") });

        Assert.False(id.IsPhone);
        Assert.False(id.Withheld);
        Assert.Null(id.Number);
    }

    [Fact]
    public void Missing_party_is_not_a_number()
    {
        var id = CallerIdentity.From(null);

        Assert.Null(id.Number);
        Assert.Equal("", id.RawId);
    }
}
