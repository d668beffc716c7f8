using CsvHelper;

namespace Smartnumbers.Functions.Admin.Bulk;

/// <summary>Reads an upload's header and rows with CsvHelper: unknown and missing columns, bad quoting and the row limit are errors.</summary>
internal static class BulkCsv
{
    /// <summary>Largest upload accepted, in characters (a bigger one is answered 413).</summary>
    public const int MaxChars = 1_000_000;

    /// <summary>Most data rows in one upload (413 beyond).</summary>
    public const int MaxRows = 1000;

    /// <summary>The rows, or the errors (row 1 = the header); <c>TooManyRows</c> when the file exceeds <see cref="MaxRows"/>.</summary>
    public static async Task<(IReadOnlyList<CsvCells> Rows, IReadOnlyList<CsvError> Errors, bool TooManyRows)> ReadAsync(
        string text, IReadOnlyList<string> columns, IReadOnlyList<string> required, CancellationToken ct)
    {
        var options = new CsvReaderOptions { Separator = ',', TrimWhitespace = true, MalformedData = CsvMalformedDataHandling.Throw, IncludeValuesInExceptions = false };
        await using var csv = CsvReader.FromText(text, options);
        var rows = new List<CsvCells>();
        var errors = new List<CsvError>();
        try
        {
            await csv.ReadHeaderAsync(ct);
            var header = csv.Headers.ToArray();
            if (header.Length == 0)
            {
                return ([], [new CsvError(1, "", "The CSV is empty; the first row must name the columns " + string.Join(',', columns) + ".")], false);
            }

            errors.AddRange(header.Where(h => !columns.Contains(h, StringComparer.Ordinal)).Select(h => new CsvError(1, h, "is not a known column (known: " + string.Join(',', columns) + ").")));
            errors.AddRange(required.Where(r => !header.Contains(r, StringComparer.Ordinal)).Select(r => new CsvError(1, r, "column is missing.")));
            errors.AddRange(header.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => new CsvError(1, g.Key, "column appears twice.")));
            if (errors.Count > 0)
            {
                return ([], errors, false);
            }

            while (await csv.ReadAsync(ct))
            {
                if (rows.Count == MaxRows)
                {
                    return ([], [], true);
                }

                rows.Add(new CsvCells((int)csv.RowNumber + 1, header.ToDictionary(h => h, csv.GetString, StringComparer.Ordinal)));
            }
        }
        catch (CsvFormatException ex)
        {
            errors.Add(new CsvError((int)ex.RecordNumber, "", "is not valid CSV (check the quoting)."));
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new CsvError(2, "", "The CSV has no rows."));
        }

        return (rows, errors, false);
    }
}
