using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Smartnumbers.Functions.Storage;

/// <summary>Refuses start-up with one line naming the key when the storage settings cannot work.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!string.IsNullOrEmpty(options.AccountUri))
        {
            return Uri.TryCreate(options.AccountUri, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Storage__AccountUri: must be an absolute http(s) URI such as https://myaccount.table.core.windows.net");
        }

        try
        {
            _ = new TableServiceClient(options.ConnectionString);
            return ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            return ValidateOptionsResult.Fail("Storage__ConnectionString: not a valid Azure Storage connection string (" + ex.Message + ")");
        }
    }
}
