using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Core;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Ivr;

/// <summary>
/// One test's account, written through the app's own audited configuration writes: a control line, a normal number,
/// an operator (PIN <see cref="Pin"/>), a staff member, and plan "leeds-closed" loaded in slot 2.
/// </summary>
internal sealed class IvrAccountSeed(IServiceProvider services)
{
    public const string Pin = "482913";
    public const string OperatorId = "1234";
    public const string StaffId = "5678";
    public const string PlanId = "leeds-closed";
    public const string OtherPlanId = "york-closed";
    private static readonly AuditActor Setup = new("test", "admin", AuditActor.Api);

    public string AccountId { get; } = SmartnumbersAppFactory.NewAccountId("ivr");
    public string ControlLine { get; } = RandomNumber("+4420");
    public string NormalNumber { get; } = RandomNumber("+4411");
    public string StaffNumber => NormalNumber;
    public string NormalDesk { get; } = "+441134960100";
    public string PlanDesk { get; } = "+441134960200";

    private ConfigDocuments Documents => services.GetRequiredService<ConfigDocuments>();

    public async Task<IvrAccountSeed> CreateAsync()
    {
        var json = ConfigJsonContext.Web;
        await Must(Documents.PutAccountAsync(AccountId, new AccountSettings { Name = "Northwind" }, null, Setup, default));
        await Must(Documents.PutNumberAsync(AccountId, ControlLine, new NumberConfig { Route = Route(NormalDesk), ControlLine = true }, null, Setup, default));
        await Must(Documents.PutNumberAsync(AccountId, NormalNumber, new NumberConfig { Route = Route(NormalDesk) }, null, Setup, default));
        await PutStaffAsync(new StaffView { Id = OperatorId, Name = "Olive", Role = StaffRole.Operator }, Pin);
        await PutStaffAsync(new StaffView { Id = StaffId, Name = "Sam", Numbers = [StaffNumber] }, "111111");
        await Put(ConfigRows.Plan(PlanId), new DialPlan { Name = "Leeds office closed", Entries = [new DialPlanEntry { Number = NormalNumber, Route = Route(PlanDesk) }] }, json.DialPlan);
        await Put(ConfigRows.Plan(OtherPlanId), new DialPlan { Name = "York office closed" }, json.DialPlan);
        await LoadAsync(new Dictionary<int, string> { [2] = PlanId });
        return this;
    }

    /// <summary>What the admin API would do on :load/:unload (another operator, concurrently).</summary>
    public Task LoadAsync(Dictionary<int, string> slots, string? active = null) =>
        Put(ConfigRows.PlanState, new DialPlanState { LoadedSlots = slots, ActivePlanId = active }, ConfigJsonContext.Web.DialPlanState);

    public async Task<AccountSnapshot> SnapshotAsync()
    {
        var snapshots = services.GetRequiredService<ISnapshotProvider>();
        await snapshots.RefreshAsync(AccountId);
        return (await snapshots.GetAsync(AccountId))!;
    }

    /// <summary>The account's audit rows (action, resource, channel, who).</summary>
    public async Task<IReadOnlyList<(string Action, string Resource, string Channel, string Who)>> AuditAsync()
    {
        var rows = await services.GetRequiredService<ConfigStore>().ListAsync(AccountId, ConfigRows.AuditPrefix, default);
        return [.. rows.Select(r => (r.Entity.GetString("Action"), r.Entity.GetString("Resource"), r.Entity.GetString("Channel"), r.Entity.GetString("Who")))];
    }

    /// <summary>As the admin API stores staff: the document without the PIN, the PBKDF2 hash in its own property.</summary>
    private async Task PutStaffAsync(StaffView staff, string pin)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(staff, ConfigJsonContext.Web.StaffView);
        var row = new RowChange(ConfigRows.Staff(staff.Id), json) { Properties = new Dictionary<string, object> { [StaffView.PinHashProperty] = PinHasher.Hash(pin) } };
        await Must(Documents.WriteAsync(AccountId, [ConfigRows.Staff(staff.Id)], _ => new ConfigChange { Rows = [row], Action = "PUT", Resource = "staff/" + staff.Id }, Setup, default));
    }

    private async Task Put<T>(string rowKey, T document, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        await Must(Documents.PutAsync(AccountId, rowKey, document, type, null, Setup, rowKey, default));

    private static async Task Must(Task<WriteResult> write) => Assert.Equal(WriteOutcome.Done, (await write).Outcome);

    private static Route Route(string destination) => new() { Steps = [new RouteStep { Destinations = [destination], RingSeconds = 20 }] };

    private static string RandomNumber(string prefix) =>
        prefix + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
}
