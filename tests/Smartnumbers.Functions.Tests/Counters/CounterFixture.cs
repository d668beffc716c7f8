using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Storage;
using Smartnumbers.Functions.Tests.CallRecords;

namespace Smartnumbers.Functions.Tests.Counters;

/// <summary>
/// Builds call-counter instances (each its own shard, as separate app instances are) against Azurite directly or
/// through a <see cref="TcpGate"/>, and saved-counter folders.
/// </summary>
internal static class CounterFixture
{
    /// <summary>The tables at <paramref name="port"/> (Azurite's by default), with the counters table created.</summary>
    public static async Task<TableStore> TablesAsync(int? port = null)
    {
        await CallRecordFixture.Tables(CallRecordFixture.AzuritePort).Table(CounterKeys.Table).CreateIfNotExistsAsync();
        return CallRecordFixture.Tables(port ?? CallRecordFixture.AzuritePort);
    }

    /// <summary>A new instance (a new shard) over <paramref name="tables"/>, built from the parts the app registers.</summary>
    public static CounterInstance Instance(TableStore tables, TimeProvider? time = null) => new(tables, time ?? TimeProvider.System);

    public static string[] SavedFiles(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "counters-*.json") : [];

    /// <summary>Every file of <paramref name="folder"/>, for assertions that nothing but the expected is left.</summary>
    public static string[] AllFiles(string folder) => Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
}
