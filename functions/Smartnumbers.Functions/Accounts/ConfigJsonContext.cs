using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Admin;

namespace Smartnumbers.Functions.Accounts;

/// <summary>
/// JSON contracts of the configuration documents (camelCase, the §8 shapes): <see cref="Web"/> for storage and answers
/// (unknown members skipped: forward compatible), <see cref="Strict"/> for operator input (unknown members and nulls
/// where the contract has none rejected).
/// Reflection-based on purpose: the System.Text.Json source generator builds records with <c>required</c> members
/// through an object initializer that sets every init-only property, so a member missing from the JSON would lose its
/// documented default (ringSeconds 20 would become 0, threshold 70 would become 0). Cached per instance; admin path only.
/// </summary>
internal sealed class ConfigJsonContext
{
    private readonly JsonSerializerOptions _options;

    private ConfigJsonContext(JsonUnmappedMemberHandling unmapped)
    {
        _options = CreateOptions(unmapped);
        // Operator input: an explicit null for a member that cannot be null ("entries": null) is refused as invalid.
        _options.RespectNullableAnnotations = unmapped == JsonUnmappedMemberHandling.Disallow;
        _options.TypeInfoResolver = new DefaultJsonTypeInfoResolver();
        _options.MakeReadOnly();
    }

    public static ConfigJsonContext Web { get; } = new(JsonUnmappedMemberHandling.Skip);

    public static ConfigJsonContext Strict { get; } = new(JsonUnmappedMemberHandling.Disallow);

    public JsonTypeInfo<AccountSettings> AccountSettings => Info<AccountSettings>();

    public JsonTypeInfo<NumberConfig> NumberConfig => Info<NumberConfig>();

    public JsonTypeInfo<DialPlan> DialPlan => Info<DialPlan>();

    public JsonTypeInfo<DialPlanState> DialPlanState => Info<DialPlanState>();

    public JsonTypeInfo<PersonalOverride> PersonalOverride => Info<PersonalOverride>();

    public JsonTypeInfo<Site> Site => Info<Site>();

    public JsonTypeInfo<StaffView> StaffView => Info<StaffView>();

    public JsonTypeInfo<StaffRequest> StaffRequest => Info<StaffRequest>();

    public JsonTypeInfo<LoadRequest> LoadRequest => Info<LoadRequest>();

    public JsonTypeInfo<CallerListEntry> CallerListEntry => Info<CallerListEntry>();

    public JsonTypeInfo<Smartnumbers.Core.Scheduling.PlanSchedule> PlanSchedule => Info<Smartnumbers.Core.Scheduling.PlanSchedule>();

    public JsonTypeInfo<Scheduling.ScheduleRequest> ScheduleRequest => Info<Scheduling.ScheduleRequest>();

    public JsonTypeInfo<Smartnumbers.Core.Notifications.NotificationSettings> NotificationSettings => Info<Smartnumbers.Core.Notifications.NotificationSettings>();

    public JsonTypeInfo<JsonObject> JsonObject => Info<JsonObject>();

    /// <summary>Options of the admin API's JSON: Web defaults, nulls omitted, '+' written as itself (answers are never embedded in HTML).</summary>
    internal static JsonSerializerOptions CreateOptions(JsonUnmappedMemberHandling unmapped) => new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = unmapped,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)_options.GetTypeInfo(typeof(T));
}
