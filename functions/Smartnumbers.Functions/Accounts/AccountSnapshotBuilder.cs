using System.Text.Json;
using Azure.Data.Tables;
using Smartnumbers.Core;
using Smartnumbers.Core.Configuration;

namespace Smartnumbers.Functions.Accounts;

/// <summary>Builds the immutable <see cref="AccountSnapshot"/> from the rows of one account partition.</summary>
internal static class AccountSnapshotBuilder
{
    /// <summary>Null when the partition holds no account document (the account does not exist).</summary>
    public static AccountSnapshot? Build(string account, IReadOnlyList<TableEntity> rows)
    {
        AccountSettings? settings = null;
        long version = 0;
        var numbers = new Dictionary<string, NumberConfig>(StringComparer.Ordinal);
        var plans = new Dictionary<string, DialPlan>(StringComparer.Ordinal);
        var overrides = new Dictionary<string, PersonalOverride>(StringComparer.Ordinal);
        var block = new HashSet<string>(StringComparer.Ordinal);
        var allow = new HashSet<string>(StringComparer.Ordinal);
        var sites = new Dictionary<string, Site>(StringComparer.Ordinal);
        var down = new HashSet<string>(StringComparer.Ordinal);
        var staff = new Dictionary<string, StaffMember>(StringComparer.Ordinal);
        var planState = new DialPlanState();
        var json = ConfigJsonContext.Web;

        foreach (var row in rows)
        {
            var key = row.RowKey;
            var doc = DocumentColumns.Read(row, DocumentColumns.Json);
            switch (key)
            {
                case ConfigRows.Meta:
                    version = row.GetInt64(ConfigRows.VersionProperty) ?? 0;
                    break;
                case ConfigRows.Account when doc is not null:
                    settings = JsonSerializer.Deserialize(doc, json.AccountSettings);
                    break;
                case ConfigRows.PlanState when doc is not null:
                    planState = JsonSerializer.Deserialize(doc, json.DialPlanState) ?? planState;
                    break;
                default:
                    if (Suffix(key, ConfigRows.NumberPrefix) is { } number && doc is not null)
                    {
                        numbers[number] = JsonSerializer.Deserialize(doc, json.NumberConfig)!;
                    }
                    else if (Suffix(key, ConfigRows.PlanPrefix) is { } plan && doc is not null)
                    {
                        plans[plan] = JsonSerializer.Deserialize(doc, json.DialPlan)!;
                    }
                    else if (Suffix(key, ConfigRows.OverridePrefix) is { } over && doc is not null)
                    {
                        overrides[over] = JsonSerializer.Deserialize(doc, json.PersonalOverride)!;
                    }
                    else if (Suffix(key, ConfigRows.BlockPrefix) is { } blocked)
                    {
                        block.Add(blocked);
                    }
                    else if (Suffix(key, ConfigRows.AllowPrefix) is { } allowed)
                    {
                        allow.Add(allowed);
                    }
                    else if (Suffix(key, ConfigRows.SitePrefix) is { } site && doc is not null)
                    {
                        sites[site] = JsonSerializer.Deserialize(doc, json.Site)!;
                    }
                    else if (Suffix(key, ConfigRows.SiteStatePrefix) is { } siteState && row.GetBoolean(ConfigRows.SiteDownProperty) == true)
                    {
                        down.Add(siteState);
                    }
                    else if (Suffix(key, ConfigRows.StaffPrefix) is { } person && doc is not null)
                    {
                        staff[person] = JsonSerializer.Deserialize(doc, json.StaffView)!.ToMember(row.GetString(StaffView.PinHashProperty) ?? "");
                    }

                    break;
            }
        }

        return settings is null
            ? null
            : new AccountSnapshot
            {
                AccountId = account,
                Version = version,
                Settings = settings,
                Numbers = numbers,
                Plans = plans,
                PlanState = planState,
                Overrides = overrides,
                BlockList = new CallerList { Entries = block },
                AllowList = new CallerList { Entries = allow },
                Sites = sites,
                DownSites = down,
                Staff = staff,
            };
    }

    private static string? Suffix(string key, string prefix) =>
        key.StartsWith(prefix, StringComparison.Ordinal) ? key[prefix.Length..] : null;
}
