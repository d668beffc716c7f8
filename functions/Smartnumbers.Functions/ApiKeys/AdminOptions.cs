namespace Smartnumbers.Functions.ApiKeys;

/// <summary>Section "Admin". <see cref="BootstrapKey"/> (Admin__BootstrapKey): a key with rights over every account; none by default.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    public string? BootstrapKey { get; set; }
}
