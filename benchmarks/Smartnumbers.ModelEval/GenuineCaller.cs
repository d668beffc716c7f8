namespace Smartnumbers.ModelEval;

/// <summary>A customer of the evaluation account: who they are, the caller text their calls carry and their country.</summary>
internal sealed record GenuineCaller(CallPattern Pattern, string From, string Country, string? CallerName);
