using PhoneNumbers;

namespace Smartnumbers.Core.Numbers;

/// <summary>One caller or called number after a single libphonenumber parse. Default = absent.</summary>
internal readonly record struct ParsedNumber
{
    /// <summary>The normalised text, or null when there was none.</summary>
    public string? Text { get; init; }
    /// <summary>Only digits with an optional leading '+'.</summary>
    public bool Dialable { get; init; }
    /// <summary>libphonenumber parsed it.</summary>
    public bool Parsed { get; init; }
    public bool Valid { get; init; }
    public bool Possible { get; init; }
    /// <summary>E.164 form when parsed; otherwise the text.</summary>
    public string? E164 { get; init; }
    public int CountryCode { get; init; }
    /// <summary>National significant number (no trunk prefix).</summary>
    public string? National { get; init; }
    /// <summary>Main ISO region of the country code ("GB" for all +44), "001" for non-geographic networks.</summary>
    public string? Region { get; init; }
    public PhoneNumberType Type { get; init; }

    public bool Present => Text is not null;
    public bool IsUk => CountryCode == 44;
}
