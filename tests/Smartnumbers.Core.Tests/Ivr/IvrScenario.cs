using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Ivr;

namespace Smartnumbers.Core.Tests.Ivr;

/// <summary>An account with an operator, a staff member and two loaded plans, and helpers to drive the machine.</summary>
internal sealed class IvrScenario
{
    public const string OperatorId = "1234";
    public const string StaffId = "5678";
    public const string NoNumbersStaffId = "999";
    public const string Pin = "482913";
    public const string Caller = "+447700900123";
    public const string OperatorNumber = "+441134960042";
    public const string StaffNumber = "+441134960043";
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 14, 5, 0, TimeSpan.Zero);

    public IvrMachine Machine { get; } = new();

    public IvrContext Context { get; set; } = new(Account(), Caller, Now);

    /// <summary>Every transition produced so far, for assertions over all output.</summary>
    public List<IvrTransition> Transitions { get; } = [];

    public IvrSession Session { get; private set; } = new();

    public static AccountSnapshot Account(string? activePlan = null) => new()
    {
        AccountId = "acct-ivr",
        Settings = new AccountSettings { Name = "Northwind Bank", TimeZone = "Europe/London" },
        Plans = new Dictionary<string, DialPlan>
        {
            ["leeds-closed"] = new() { Name = "Leeds office closed" },
            ["york-closed"] = new() { Name = "York office closed" },
            ["not-loaded"] = new() { Name = "Not loaded" },
        },
        PlanState = new DialPlanState
        {
            LoadedSlots = new Dictionary<int, string> { [1] = "leeds-closed", [3] = "york-closed" },
            ActivePlanId = activePlan,
        },
        Staff = new Dictionary<string, StaffMember>
        {
            [OperatorId] = new() { Id = OperatorId, Name = "Olive Operator", Role = StaffRole.Operator, Numbers = [OperatorNumber], PinHash = "x" },
            [StaffId] = new() { Id = StaffId, Name = "Sam Staff", Role = StaffRole.Staff, Numbers = [StaffNumber], PinHash = "x" },
            [NoNumbersStaffId] = new() { Id = NoNumbersStaffId, Name = "Nina", Role = StaffRole.Staff, PinHash = "x" },
        },
    };

    public IvrTransition Start() => Record(Machine.Start());

    public IvrTransition Press(string keys) => Feed(new DigitsEntered(keys));

    public IvrTransition Feed(IvrInput input) => Record(Machine.Next(Session, input, Context));

    /// <summary>Greeting, staff id, PIN, and the verifier's answer.</summary>
    public IvrTransition SignIn(string staffId, PinCheckResult result = PinCheckResult.Accepted)
    {
        if (Transitions.Count == 0)
        {
            Start();
        }

        Press(staffId + "#");
        var verify = Press(Pin + "#");
        Assert.IsType<VerifyPin>(verify.Action);
        return Feed(new PinChecked(result));
    }

    /// <summary>Answers the pending change request with <paramref name="outcome"/>.</summary>
    public IvrTransition Complete(IvrActionOutcome outcome = IvrActionOutcome.Applied)
    {
        var action = Transitions[^1].Action ?? throw new InvalidOperationException("no request is pending");
        return Feed(new ActionCompleted(action, outcome));
    }

    private IvrTransition Record(IvrTransition transition)
    {
        Transitions.Add(transition);
        Session = transition.Session;
        Assert.True(transition.Prompt is null != (transition.Action is null), "a transition carries exactly one of a prompt and an action");
        return transition;
    }
}
