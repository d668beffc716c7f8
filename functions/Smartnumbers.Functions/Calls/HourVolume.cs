namespace Smartnumbers.Functions.Calls;

/// <summary>Calls and high-risk calls in one UTC clock hour starting at <see cref="Hour"/>.</summary>
internal sealed record HourVolume(DateTimeOffset Hour, int Calls, int HighRisk);
