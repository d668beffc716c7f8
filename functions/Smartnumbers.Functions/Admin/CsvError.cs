namespace Smartnumbers.Functions.Admin;

/// <summary>One error of a plan CSV upload: the 1-based row (the header is row 1), the column, and what is wrong.</summary>
public sealed record CsvError(int Row, string Column, string Message);
