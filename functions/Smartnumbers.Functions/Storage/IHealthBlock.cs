namespace Smartnumbers.Functions.Storage;

/// <summary>
/// A block an area adds to GET /api/health under its own name (e.g. "acs"), next to the storage figures; registered as
/// <c>services.AddSingleton&lt;IHealthBlock, …&gt;()</c> by the area itself.
/// </summary>
public interface IHealthBlock
{
    /// <summary>The block's property name in the health response (camelCase).</summary>
    string Name { get; }

    /// <summary>The block's value, serialized with the response's (camelCase) options.</summary>
    object Describe();
}
