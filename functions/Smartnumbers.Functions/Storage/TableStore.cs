using System.Collections.Concurrent;
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
    }

    public TableServiceClient Service { get; }

    /// <summary>Where the tables live, for messages (no secrets).</summary>
    public Uri Endpoint => Service.Uri;

    public TableClient Table(string name) => _tables.GetOrAdd(name, n => Service.GetTableClient(n));
}
