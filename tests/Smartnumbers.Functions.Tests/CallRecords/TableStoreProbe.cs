using Azure.Data.Tables;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Tests.CallRecords;

/// <summary>Looks into the call-record tables directly (what a test must not learn through the code under test).</summary>
internal sealed class TableStoreProbe(TableStore store)
{
    public async Task<bool> HasIndexAsync(string callId) =>
        (await store.Table(CallRecordStore.RecordsTable).GetEntityIfExistsAsync<TableEntity>("~call~" + char.ToLowerInvariant(callId[^1]), callId)).HasValue;
}
