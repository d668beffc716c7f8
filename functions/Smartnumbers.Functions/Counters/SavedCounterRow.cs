using System.Text.Json.Serialization;
using Azure.Data.Tables;

namespace Smartnumbers.Functions.Counters;

/// <summary>
/// A shard row storage had not taken when the instance stopped, kept on disk (whole value, so writing it later, once or
/// twice, gives the same row); or a row storage refused, kept in a dead-letter file with <see cref="Refused"/> saying why.
/// </summary>
/// <param name="Refused">Why storage refused it (status and error code); null for a row waiting to be written.</param>
internal sealed record SavedCounterRow(
    string Partition,
    string Row,
    Dictionary<string, int> Counts,
    string? Numbers,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Refused = null)
{
    public TableEntity ToEntity()
    {
        var e = new TableEntity(Partition, Row);
        foreach (var (name, value) in Counts)
        {
            e[name] = value;
        }

        if (Numbers is not null)
        {
            e[CounterKeys.Numbers] = Numbers;
        }

        return e;
    }
}
