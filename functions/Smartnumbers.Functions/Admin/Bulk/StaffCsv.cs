using System.Text.Json;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.ApiKeys;

namespace Smartnumbers.Functions.Admin.Bulk;

/// <summary>
/// Staff as CSV: id (3–10 digits), name, role (staff|operator), numbers (';'-separated, the account's own). A PIN is set
/// only when the file has a <c>pin</c> column and the cell is filled; it is hashed when written and never exported.
/// </summary>
internal sealed class StaffCsv : IBulkKind
{
    private static ConfigJsonContext Json => ConfigJsonContext.Web;

    public string Name => "staff";

    public ApiKeyRole Role => ApiKeyRole.Admin;

    public IReadOnlyList<string> Columns { get; } = ["id", "name", "role", "numbers", "pin"];

    /// <summary>Export omits the PIN column: a PIN is never written back out.</summary>
    public IReadOnlyList<string> ExportColumns { get; } = ["id", "name", "role", "numbers"];

    public IReadOnlyList<string> Required { get; } = ["id", "name"];

    public IReadOnlyList<string> Prefixes { get; } = [ConfigRows.StaffPrefix];

    public BulkItem? Parse(CsvCells cells, BulkContext context, List<CsvError> errors)
    {
        var before = errors.Count;
        var id = cells.Get("id") ?? "";
        if (!StaffMember.IsValidId(id))
        {
            errors.Add(new CsvError(cells.Row, "id", "must be 3–10 digits (keyed in on the dial-in line)."));
            return null;
        }

        var rowKey = ConfigRows.Staff(id);
        var current = context.Current.TryGetValue(rowKey, out var row) ? JsonSerializer.Deserialize(row.Json!, Json.StaffView) : null;
        var role = cells.Get("role") switch
        {
            null => current?.Role ?? StaffRole.Staff,
            "staff" => StaffRole.Staff,
            "operator" => StaffRole.Operator,
            _ => (StaffRole?)null,
        };
        if (role is null)
        {
            errors.Add(new CsvError(cells.Row, "role", "must be staff or operator."));
        }

        var numbers = cells.Has("numbers")
            ? (cells.Get("numbers") ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : current?.Numbers ?? [];
        var request = new StaffRequest { Name = cells.Get("name") ?? "", Pin = cells.Get("pin"), Numbers = numbers, Role = role ?? StaffRole.Staff };
        foreach (var e in context.Validator.Validate(request))
        {
            errors.Add(new CsvError(cells.Row, e.Field.StartsWith("numbers", StringComparison.Ordinal) ? "numbers" : e.Field, e.Message));
        }

        foreach (var number in numbers.Where(n => E164.IsValid(n) && !context.Numbers.Contains(n)))
        {
            errors.Add(new CsvError(cells.Row, "numbers", $"{number} is not a number of this account."));
        }

        if (current is null && request.Pin is null)
        {
            errors.Add(new CsvError(cells.Row, "pin", "is required for a new staff member (add a pin column)."));
        }

        if (errors.Count > before)
        {
            return null;
        }

        var view = new StaffView { Id = id, Name = request.Name, Numbers = numbers, Role = request.Role };
        return new BulkItem(cells.Row, id, rowKey, JsonSerializer.Serialize(view, Json.StaffView)) { Pin = request.Pin };
    }

    public string Normalize(string json) => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, Json.StaffView)!, Json.StaffView);

    public IReadOnlyList<string?> Export(StoredRow row)
    {
        var s = JsonSerializer.Deserialize(row.Json!, Json.StaffView)!;
        return [s.Id, s.Name, s.Role == StaffRole.Operator ? "operator" : "staff", string.Join(';', s.Numbers)];
    }
}
