namespace Smartnumbers.Functions.Accounts;

/// <summary>Which caller list an entry belongs to.</summary>
internal enum CallerListKind
{
    Block,
    Allow,
}
