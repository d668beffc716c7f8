namespace Smartnumbers.Functions.Acs.Rest;

/// <summary>A WAV file (mono, 16 kHz) at a public URL.</summary>
public sealed record FileSource(string Uri);
