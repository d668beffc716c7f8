namespace Smartnumbers.Functions.Storage;

/// <summary>
/// Table Storage settings. Section "Storage": Storage__ConnectionString, or Storage__AccountUri with managed identity.
/// With neither, AzureWebJobsStorage, else UseDevelopmentStorage=true (Azurite on 127.0.0.1:10002).
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string? ConnectionString { get; set; }

    /// <summary>https://{account}.table.core.windows.net, used with DefaultAzureCredential.</summary>
    public string? AccountUri { get; set; }
}
