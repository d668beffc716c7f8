using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace Smartnumbers.Functions.Storage;

/// <summary>The one <see cref="TableServiceClient"/> of the app and a cached <see cref="TableClient"/> per table.</summary>
public sealed class TableStore
{
    private readonly ConcurrentDictionary<string, TableClient> _tables = new(StringComparer.Ordinal);

    public TableStore(IOptions<StorageOptions> options)
    {
        var o = options.Value;
        var clientOptions = new TableClientOptions();
        clientOptions.Retry.MaxRetries = 3;
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(100);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        Service = string.IsNullOrEmpty(o.AccountUri)
            ? new TableServiceClient(o.ConnectionString, clientOptions)
            : new TableServiceClient(new Uri(o.AccountUri), new DefaultAzureCredential(), clientOptions);
        var name = new string(Service.AccountName.Where(char.IsAsciiLetterOrDigit).Take(24).ToArray());
        var where = Encoding.UTF8.GetBytes(Service.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "|" + Service.AccountName);
        AccountTag = (name.Length > 0 ? name : "account") + "-" + Convert.ToHexStringLower(SHA256.HashData(where))[..12];
    }

    public TableServiceClient Service { get; }

    /// <summary>Where the tables live, for messages (no secrets).</summary>
    public Uri Endpoint => Service.Uri;

    /// <summary>
    /// The storage account as a folder name: its name and a hash of its table endpoint and name
    /// ("devstoreaccount1-3f2a…"). What is kept on local disk for one storage account lives under it, so that apps of
    /// other accounts (another environment, a local run) sharing the machine's temp folder never write it elsewhere.
    /// </summary>
    public string AccountTag { get; }

    public TableClient Table(string name) => _tables.GetOrAdd(name, n => Service.GetTableClient(n));
}
