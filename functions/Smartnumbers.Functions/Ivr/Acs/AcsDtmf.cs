namespace Smartnumbers.Functions.Ivr.Acs;

/// <summary>ACS spells DTMF tones ("one".."nine", "zero", "pound", "asterisk"); the machine reads digits.</summary>
internal static class AcsDtmf
{
    public const string Pound = "pound";

    /// <summary>The keys of a RecognizeCompleted; the finishing pound (the stop tone) is left out when the prompt finishes on #.</summary>
    public static string Keys(IReadOnlyList<string> tones, bool finishOnHash)
    {
        var count = tones.Count;
        if (finishOnHash && count > 0 && string.Equals(tones[^1], Pound, StringComparison.OrdinalIgnoreCase))
        {
            count--;
        }

        return string.Concat(tones.Take(count).Select(Digit));
    }

    public static string Digit(string tone) => tone.ToLowerInvariant() switch
    {
        "zero" or "0" => "0",
        "one" or "1" => "1",
        "two" or "2" => "2",
        "three" or "3" => "3",
        "four" or "4" => "4",
        "five" or "5" => "5",
        "six" or "6" => "6",
        "seven" or "7" => "7",
        "eight" or "8" => "8",
        "nine" or "9" => "9",
        "pound" or "#" => "#",
        "asterisk" or "*" => "*",
        _ => string.Empty,
    };
}
