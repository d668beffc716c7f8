using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Tests.Storage;

/// <summary>The one rule for keys built from outside text: plain values kept, anything else a short hash Table Storage always takes.</summary>
public sealed class TableKeysTests
{
    [Theory]
    [InlineData("+447700900123")]
    [InlineData("CA0123456789abcdef0123456789abcdef")]
    [InlineData("acct-0123456789ab")]
    public void A_plain_value_such_as_an_E164_number_is_its_own_key(string value) => Assert.Equal(value, TableKeys.Safe(value));

    [Fact]
    public void A_caller_id_too_long_for_a_key_becomes_a_short_marked_hash()
    {
        var caller = "+44" + new string('7', 5000);

        var key = TableKeys.Safe(caller);

        Assert.StartsWith(TableKeys.HashMarker, key, StringComparison.Ordinal);
        Assert.InRange(key.Length, 10, 64);
        Assert.Equal(key, TableKeys.Safe(caller));
        Assert.NotEqual(key, TableKeys.Safe(caller + "8"));
    }

    [Theory]
    [InlineData("+44/770")]
    [InlineData("+44\\770")]
    [InlineData("+44#770")]
    [InlineData("+44?770")]
    [InlineData("+44\u0000770")]
    [InlineData("+44\r\n770")]
    [InlineData("+44\u007f770")]
    [InlineData("+44\u0085770")]
    [InlineData("+44\ud800770")]
    [InlineData("+44%2F770")]
    [InlineData("+44|770")]
    [InlineData("~h0123456789")]
    [InlineData("+44'770")]
    public void Text_with_characters_a_key_must_not_hold_becomes_a_key_of_plain_characters_only(string value)
    {
        var key = TableKeys.Safe(value);

        Assert.StartsWith(TableKeys.HashMarker, key, StringComparison.Ordinal);
        Assert.Matches("^~h[0-9a-f]+$", key);
    }

    [Fact]
    public void Every_key_built_by_the_rule_is_one_storage_takes_whatever_the_text()
    {
        var random = new Random(20261129);
        for (var i = 0; i < 2000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 3000)).Select(_ => (char)random.Next(0, 0x10000)).ToArray());
            Assert.True(TableKeys.IsValidKey(TableKeys.Safe(text)), text);
        }
    }

    [Theory]
    [InlineData("20261123|+447700900123|0123456789ab", true)]
    [InlineData("a#b", false)]
    [InlineData("a\u0085b", false)]
    public void A_key_storage_would_refuse_is_recognised_before_it_is_sent(string key, bool valid) =>
        Assert.Equal(valid, TableKeys.IsValidKey(System.Text.RegularExpressions.Regex.Unescape(key)));

    [Fact]
    public void A_key_over_1_KiB_is_recognised_before_it_is_sent() =>
        Assert.Equal((true, false), (TableKeys.IsValidKey(new string('7', 1024)), TableKeys.IsValidKey(new string('7', 1025))));
}
