using Smartnumbers.Core;
using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Ivr;

namespace Smartnumbers.Functions.Ivr;

/// <summary>Turns a carrier's incoming call into a dial-in call, when the number called is the account's control line.</summary>
public static class IvrCalls
{
    /// <summary>True when <paramref name="account"/> marks the called number <c>controlLine: true</c>.</summary>
    public static bool IsControlLine(AccountSnapshot account, string calledNumber) =>
        account.Numbers.TryGetValue(calledNumber, out var number) && number.ControlLine;

    /// <summary>The dial-in call; the caller number only when it is a dialable number (withheld callers get none).</summary>
    public static IvrCall From(InboundCall call, AccountSnapshot account, string callId) => new(
        callId,
        call.Carrier == Carrier.Twilio ? "twilio" : "acs",
        account.AccountId,
        call.CalledNumber,
        call.Withheld ? null : DialableNumber.From(call.PresentationNumber, account.Settings.HomeRegion));
}
