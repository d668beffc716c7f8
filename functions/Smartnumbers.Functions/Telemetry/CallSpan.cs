using System.Diagnostics;
using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Decisions;

namespace Smartnumbers.Functions.Telemetry;

/// <summary>
/// Call attributes on the current span (the webhook's server span). <see cref="CallIdTag"/> on it lets
/// <see cref="CallIdSpanProcessor"/> and <see cref="CallIdLogProcessor"/> put the call id on every child span and log of
/// the request, so all webhooks of one call are found by one query. Nothing is done when the span is not recorded.
/// </summary>
public static class CallSpan
{
    public const string CallIdTag = "smartnumbers.call_id";
    public const string CarrierTag = "smartnumbers.carrier";
    public const string AccountTag = "smartnumbers.account";
    public const string CalledNumberTag = "smartnumbers.called_number";
    public const string CallerHashTag = "smartnumbers.caller.hash";
    public const string ActionTag = "smartnumbers.action";
    public const string ReasonTag = "smartnumbers.reason";
    public const string RiskScoreTag = "smartnumbers.risk_score";

    /// <summary>Carrier ids are short (a Twilio CallSid is 34 characters, an ACS correlation id a GUID); a longer one is not tagged.</summary>
    private const int MaxIdLength = 64;

    /// <summary>Tags the current span with the carrier's call id (Twilio CallSid, ACS correlation id).</summary>
    public static void TagCallId(string? callId)
    {
        if (Activity.Current is { IsAllDataRequested: true } span && !string.IsNullOrEmpty(callId) && callId.Length <= MaxIdLength)
        {
            span.SetTag(CallIdTag, callId);
        }
    }

    /// <summary>The call's attributes and its decision; the caller only as its hash (<see cref="CallerHasher"/>).</summary>
    public static void TagDecided(InboundCall call, string account, RoutingDecision decision, CallerHasher hasher)
    {
        if (Activity.Current is not { IsAllDataRequested: true } span)
        {
            return;
        }

        TagCall(span, call, hasher);
        span.SetTag(AccountTag, account);
        span.SetTag(ActionTag, TagValues.Of(decision.Action));
        span.SetTag(ReasonTag, decision.Reason);
        if (decision.Risk.Scored)
        {
            span.SetTag(RiskScoreTag, decision.Risk.Score);
        }
    }

    /// <summary>A call the pipeline did not decide (no account has the number, or its owner could not be read).</summary>
    public static void TagNotDecided(InboundCall call, string reason, CallerHasher hasher)
    {
        if (Activity.Current is not { IsAllDataRequested: true } span)
        {
            return;
        }

        TagCall(span, call, hasher);
        span.SetTag(ActionTag, TagValues.None);
        span.SetTag(ReasonTag, reason);
    }

    private static void TagCall(Activity span, InboundCall call, CallerHasher hasher)
    {
        if (call.CallId.Length is > 0 and <= MaxIdLength)
        {
            span.SetTag(CallIdTag, call.CallId);
        }

        span.SetTag(CarrierTag, TagValues.Of(call.Carrier));
        span.SetTag(CalledNumberTag, call.CalledNumber);
        if (hasher.Hash(call.Withheld ? null : call.PresentationNumber ?? call.NetworkNumber) is { } hash)
        {
            span.SetTag(CallerHashTag, hash);
        }
    }

    /// <summary>The call id on <paramref name="span"/> or the nearest in-process parent that has one.</summary>
    internal static object? FindCallId(Activity? span)
    {
        for (var depth = 0; span is not null && depth < 16; span = span.Parent, depth++)
        {
            if (span.GetTagItem(CallIdTag) is { } id)
            {
                return id;
            }
        }

        return null;
    }
}
