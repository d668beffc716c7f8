using Smartnumbers.Core.Calls;
using Smartnumbers.Functions.Acs.Events;

namespace Smartnumbers.Functions.Acs.Routing;

/// <summary>
/// The carrier-neutral call from an ACS IncomingCall. The caller is told apart three ways: withheld (ACS
/// <c>isAnonymous</c>, or "anonymous"), a phone number, or no identity at all (a phone party with no number: ICR's
/// "missing"). A caller that is not a phone (an ACS user, a Teams identity) is passed by its raw id, which ICR finds
/// non-dialable. ACS exposes no network caller ID (its <c>assertedId</c> is not one), so none is set.
/// </summary>
public static class AcsInboundCall
{
    public static InboundCall From(AcsIncomingCall call, DateTimeOffset arrivedAt)
    {
        var caller = call.Caller;
        var from = caller.Withheld ? "anonymous" : caller.IsPhone ? caller.Number ?? "" : caller.RawId;
        return InboundCall.Create(
            call.CallId,
            Carrier.Acs,
            call.CalledNumber,
            from,
            arrivedAt,
            carrierSaysAnonymous: caller.Withheld,
            hints: call.SipHeaders);
    }
}
