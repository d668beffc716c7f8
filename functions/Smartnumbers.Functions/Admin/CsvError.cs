namespace Smartnumbers.Functions.Admin;

/// <summary>One error of a CSV upload (plans, numbers, lists, staff): the 1-based row (the header is row 1), the column, and what is wrong.</summary>
public sealed record CsvError(int Row, string Column, string Message);
