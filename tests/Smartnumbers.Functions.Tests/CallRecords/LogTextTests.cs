using Smartnumbers.Functions.Telemetry;

namespace Smartnumbers.Functions.Tests.CallRecords;

/// <summary>Caller-controlled text (caller ids, call ids) is made harmless before it reaches a log line.</summary>
public sealed class LogTextTests
{
    [Fact]
    public void Control_characters_in_caller_text_are_escaped_so_they_cannot_forge_a_log_line()
    {
        Assert.Equal("+44\\r\\n2026-11-29 ERROR forged\\u001b[31m\\u0085", LogText.Of("+44\r\n2026-11-29 ERROR forged\u001b[31m\u0085"));
    }

    [Fact]
    public void Long_caller_text_is_cut_short_and_says_how_long_it_was()
    {
        var text = LogText.Of("+44" + new string('7', 4997));

        Assert.True(text.Length < 100, text);
        Assert.StartsWith("+447777", text, StringComparison.Ordinal);
        Assert.EndsWith("(5000 chars)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_is_logged_as_it_is() => Assert.Equal("CA0123456789abcdef", LogText.Of("CA0123456789abcdef"));
}
