namespace Smartnumbers.Functions.Models;

/// <summary>
/// Where an account's models live in its configuration partition (table AccountConfig), above '~' so the snapshot load
/// skips them: the registry (live, candidate, history) in one row, and every version a refit made in its own row.
/// </summary>
internal static class ModelRows
{
    public const string Registry = "~model";
    public const string VersionPrefix = "~model|";

    public static string Version(int version) => VersionPrefix + version.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
