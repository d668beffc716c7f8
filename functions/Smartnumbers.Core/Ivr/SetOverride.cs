namespace Smartnumbers.Core.Ivr;

/// <summary>Personal override: calls to each of <see cref="Numbers"/> ring <see cref="Destination"/> (the phone calling in) until <see cref="ExpiresAt"/>.</summary>
public sealed record SetOverride : IvrAction
{
    /// <summary>The staff member's own numbers (E.164).</summary>
    public required IReadOnlyList<string> Numbers { get; init; }
    /// <summary>The caller's dialable number (E.164).</summary>
    public required string Destination { get; init; }
    public required OverrideExpiry Expiry { get; init; }
    /// <summary>Null: until cancelled.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public override string Describe() =>
        $"override {string.Join(", ", Numbers)} to the calling phone ending {Destination[^Math.Min(3, Destination.Length)..]} " + (ExpiresAt is { } at ? $"until {at:O}" : "until cancelled");
}
