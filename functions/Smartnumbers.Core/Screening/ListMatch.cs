namespace Smartnumbers.Core.Screening;

/// <summary>How a caller matched a block or allow list.</summary>
internal enum ListMatch
{
    None,
    /// <summary>The exact E.164 number is listed.</summary>
    Exact,
    /// <summary>A prefix entry ("+44909*") covers the number.</summary>
    Prefix,
    /// <summary>The "anonymous" entry matched a withheld caller.</summary>
    Anonymous,
}
