using Azure.Data.Tables;

namespace Smartnumbers.Functions.Counters;

/// <summary>A changed shard row to write: its entity as of <paramref name="Version"/>.</summary>
internal sealed record ShardWrite(ShardRow Row, TableEntity Entity, long Version);
