using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.ApiKeys;

namespace Smartnumbers.Functions.Admin.Bulk;

/// <summary>One kind of CSV bulk upload and export (numbers, list entries, staff): its columns and how a row maps to a document.</summary>
internal interface IBulkKind
{
    /// <summary>"numbers", "lists", "staff": the path of POST …/{name}:import and GET …/{name}:export.</summary>
    string Name { get; }

    /// <summary>The least role that may upload (export needs viewer).</summary>
    ApiKeyRole Role { get; }

    /// <summary>Every column, in export order.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>The columns of an export (no secret column).</summary>
    IReadOnlyList<string> ExportColumns { get; }

    IReadOnlyList<string> Required { get; }

    /// <summary>Row-key prefixes of the kind's documents in the account partition.</summary>
    IReadOnlyList<string> Prefixes { get; }

    /// <summary>The row's document, or null after adding its errors (each naming the column).</summary>
    BulkItem? Parse(CsvCells cells, BulkContext context, List<CsvError> errors);

    /// <summary>A stored document serialized as <see cref="Parse"/> would write it, to tell unchanged rows.</summary>
    string Normalize(string json);

    /// <summary>One export row, in <see cref="ExportColumns"/> order; never a secret.</summary>
    IReadOnlyList<string?> Export(StoredRow row);
}
