using Smartnumbers.Core.Configuration;

namespace Smartnumbers.Functions.Accounts;

/// <summary>A staff member as stored in the row's JSON and returned by GET: everything but the PIN hash (kept in its own property).</summary>
public sealed record StaffView
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Numbers { get; init; } = [];
    public StaffRole Role { get; init; } = StaffRole.Staff;

    public const string PinHashProperty = "PinHash";

    public StaffMember ToMember(string pinHash) => new() { Id = Id, Name = Name, Numbers = Numbers, Role = Role, PinHash = pinHash };
}
