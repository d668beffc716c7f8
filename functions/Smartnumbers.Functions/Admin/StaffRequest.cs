using Smartnumbers.Core.Configuration;

namespace Smartnumbers.Functions.Admin;

/// <summary>PUT …/staff/{staff} body. <see cref="Pin"/> is required when the staff member is new, optional on update (kept).</summary>
public sealed record StaffRequest
{
    public required string Name { get; init; }
    public string? Pin { get; init; }
    public IReadOnlyList<string> Numbers { get; init; } = [];
    public StaffRole Role { get; init; } = StaffRole.Staff;
}
