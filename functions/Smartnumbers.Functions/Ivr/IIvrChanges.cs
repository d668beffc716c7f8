using Smartnumbers.Core.Ivr;

namespace Smartnumbers.Functions.Ivr;

/// <summary>
/// Applies the machine's change requests (<see cref="ActivatePlan"/>, <see cref="DeactivatePlans"/>,
/// <see cref="SetOverride"/>, <see cref="CancelOverride"/>) to the account, audited with channel "ivr".
/// </summary>
public interface IIvrChanges
{
    Task<IvrActionOutcome> ApplyAsync(IvrCall call, IvrAction action, CancellationToken ct);
}
