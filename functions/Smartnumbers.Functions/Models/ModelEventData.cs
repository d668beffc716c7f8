using Smartnumbers.Core.Risk;

namespace Smartnumbers.Functions.Models;

/// <summary>
/// The <c>data</c> of Smartnumbers.Model.Promoted and Smartnumbers.Model.RolledBack: the version now live, the one before,
/// who did it, and for a promotion whether it was forced and its held-out evaluation.
/// </summary>
public sealed record ModelEventData(int Version, int PreviousVersion, string Who, bool Forced, ModelComparison? Evaluation);
