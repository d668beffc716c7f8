namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>DTMF collection: tones are spelled (zero…nine, pound, asterisk).</summary>
public sealed record DtmfOptions
{
    public int? MaxTonesToCollect { get; init; }
    public int? InterToneTimeoutInSeconds { get; init; }
    public IReadOnlyList<string>? StopTones { get; init; }
}
