using Microsoft.Extensions.Options;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Acs;

/// <summary>Adds <see cref="AcsHealth"/> to GET /api/health as "acs".</summary>
internal sealed class AcsHealthBlock(IOptions<AcsOptions> options) : IHealthBlock
{
    public string Name => "acs";

    public object Describe() => AcsHealth.From(options.Value);
}
