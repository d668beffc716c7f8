using System.Text.RegularExpressions;

namespace Smartnumbers.Functions.Accounts;

/// <summary>Account, plan and site ids: lower-case letters, digits and '-', 1–40 characters, starting with a letter or digit.</summary>
internal static partial class AccountIds
{
    public static bool IsValid(string id) => IdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
