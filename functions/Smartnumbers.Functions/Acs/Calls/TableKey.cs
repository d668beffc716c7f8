using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Smartnumbers.Functions.Acs.Calls;

/// <summary>A Table Storage key from an outside id: the id itself when safe, else a hash of it.</summary>
public static partial class TableKey
{
    public static string For(string id) =>
        Safe().IsMatch(id) ? id : "h-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..40];

    /// <summary>True when <paramref name="key"/> is one <see cref="For"/> can return (so it may name a row).</summary>
    public static bool IsKey(string key) => Safe().IsMatch(key);

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,200}$")]
    private static partial Regex Safe();
}
