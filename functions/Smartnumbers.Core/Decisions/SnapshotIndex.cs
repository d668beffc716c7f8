using System.Runtime.CompilerServices;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Numbers;
using Smartnumbers.Core.Routing;
using Smartnumbers.Core.Screening;

namespace Smartnumbers.Core.Decisions;

/// <summary>
/// Lookups derived once per <see cref="AccountSnapshot"/> instance (snapshots are immutable): list matchers, the
/// account's own numbers parsed, route destinations, destinations on down sites, time zones.
/// Held in a <see cref="ConditionalWeakTable{TKey,TValue}"/> so it dies with its snapshot.
/// </summary>
internal sealed class SnapshotIndex
{
    private static readonly ConditionalWeakTable<AccountSnapshot, SnapshotIndex> Cache = new();

    private SnapshotIndex(AccountSnapshot snapshot)
    {
        HomeRegion = string.IsNullOrWhiteSpace(snapshot.Settings?.HomeRegion) ? "GB" : snapshot.Settings.HomeRegion.ToUpperInvariant();
        HomeCountryCode = PhoneNumberParser.Util.GetCountryCodeForRegion(HomeRegion);
        Block = new CallerListMatcher(snapshot.BlockList ?? CallerList.Empty);
        Allow = new CallerListMatcher(snapshot.AllowList ?? CallerList.Empty);
        AccountZone = TimeZones.Find(snapshot.Settings?.TimeZone);
        foreach (var (number, config) in snapshot.Numbers)
        {
            var parsed = PhoneNumberParser.Parse(number, HomeRegion);
            Numbers[number] = parsed;
            if (parsed.E164 is not null)
            {
                AccountNumbers.Add(parsed.E164);
            }
            AddDestinations(config?.Route);
            AddDestinations(config?.Fraud?.HighRiskRoute);
            AddDestinations(config?.Fraud?.TrustedRoute);
        }
        foreach (var plan in snapshot.Plans.Values)
        {
            AddDestinations(plan?.DefaultRoute);
            foreach (var entry in plan?.Entries ?? [])
            {
                AddDestinations(entry?.Route);
            }
        }
        foreach (var (siteId, site) in snapshot.Sites)
        {
            foreach (var destination in site?.Destinations ?? [])
            {
                Destinations.Add(destination);
                if (snapshot.DownSites.Contains(siteId))
                {
                    DownDestinations.Add(destination);
                }
            }
        }
    }

    public static SnapshotIndex For(AccountSnapshot snapshot) => Cache.GetValue(snapshot, static s => new SnapshotIndex(s));

    public string HomeRegion { get; }
    /// <summary>The home region's country calling code (44 for GB, shared with GG, JE, IM); 0 when unknown.</summary>
    public int HomeCountryCode { get; }
    public CallerListMatcher Block { get; }
    public CallerListMatcher Allow { get; }
    public TimeZoneInfo? AccountZone { get; }
    /// <summary>Configured number (as keyed) → parsed.</summary>
    public Dictionary<string, ParsedNumber> Numbers { get; } = new(StringComparer.Ordinal);
    /// <summary>The account's inbound numbers in E.164.</summary>
    public HashSet<string> AccountNumbers { get; } = new(StringComparer.Ordinal);
    /// <summary>Every destination of every route and site of the account.</summary>
    public HashSet<string> Destinations { get; } = new(StringComparer.Ordinal);
    /// <summary>Destinations that live on a site currently marked down.</summary>
    public HashSet<string> DownDestinations { get; } = new(StringComparer.Ordinal);

    private void AddDestinations(Route? route, int depth = 0)
    {
        if (route is null || depth > 4)
        {
            return;
        }
        foreach (var step in route.Steps ?? [])
        {
            foreach (var destination in step?.Destinations ?? [])
            {
                if (destination is not null)
                {
                    Destinations.Add(destination);
                }
            }
        }
        foreach (var rule in route.Rules ?? [])
        {
            AddDestinations(rule?.Otherwise, depth + 1);
        }
    }
}
