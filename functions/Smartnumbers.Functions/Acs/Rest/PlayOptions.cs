namespace Smartnumbers.Functions.Acs.Rest;

public sealed record PlayOptions(bool Loop);
