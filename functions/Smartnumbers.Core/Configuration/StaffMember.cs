namespace Smartnumbers.Core.Configuration;

/// <summary>A person who may use the dial-in line. The PIN is held only as a salted slow hash.</summary>
public sealed record StaffMember
{
    /// <summary>3–10 digits, keyed in on the IVR.</summary>
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>Numbers this person may override to their own phone.</summary>
    public IReadOnlyList<string> Numbers { get; init; } = [];
    public StaffRole Role { get; init; } = StaffRole.Staff;
    /// <summary>The PIN's hash in the form the Functions app's hasher writes; never the PIN.</summary>
    public required string PinHash { get; init; }
}
