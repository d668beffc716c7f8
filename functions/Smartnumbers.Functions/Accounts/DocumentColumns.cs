using System.Text;
using Azure.Data.Tables;

namespace Smartnumbers.Functions.Accounts;

/// <summary>
/// Stores a JSON string in an entity, split over numbered properties when it exceeds one property's 64 KiB
/// (32K UTF-16 chars): "Json", or "Json0", "Json1", … with "JsonParts" = n. An entity holds at most 1 MiB in all.
/// </summary>
internal static class DocumentColumns
{
    public const string Json = "Json";
    private const int ChunkChars = 30_000;

    /// <summary>Largest document accepted (UTF-16 chars), leaving room in the 1 MiB entity.</summary>
    public const int MaxChars = 200_000;

    public static void Write(TableEntity entity, string name, string? json)
    {
        if (json is null)
        {
            return;
        }

        if (json.Length <= ChunkChars)
        {
            entity[name] = json;
            return;
        }

        var parts = (json.Length + ChunkChars - 1) / ChunkChars;
        entity[name + "Parts"] = parts;
        for (var i = 0; i < parts; i++)
        {
            entity[name + i.ToString(System.Globalization.CultureInfo.InvariantCulture)] =
                json.Substring(i * ChunkChars, Math.Min(ChunkChars, json.Length - (i * ChunkChars)));
        }
    }

    public static string? Read(TableEntity entity, string name)
    {
        if (entity.GetString(name) is { } whole)
        {
            return whole;
        }

        if (entity.GetInt32(name + "Parts") is not { } parts)
        {
            return null;
        }

        var sb = new StringBuilder();
        for (var i = 0; i < parts; i++)
        {
            sb.Append(entity.GetString(name + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return sb.ToString();
    }
}
