using Smartnumbers.Core.Configuration;

namespace Smartnumbers.Functions.DeliveryHealth;

/// <summary>One configured site, as the probe round sees it.</summary>
public sealed record SiteToProbe(string AccountId, string SiteId, Site Site);
