using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Decisions;

namespace Smartnumbers.Core.Screening;

/// <summary>
/// Block list → ACR → ICR, each with its response from the number's screening options, falling back to the
/// account's (ACR/ICR default off, block default busy). A rule whose response is off lets the call through. A call
/// with no caller ID at all (<see cref="CallerIdStatus.Unavailable"/>) meets ICR before ACR, so it is rejected as
/// "missing" rather than as withheld when ICR is on.
/// </summary>
internal static class Screener
{
    public static ScreeningVerdict? Screen(in CallFacts f)
    {
        var account = f.Snapshot.Settings?.Screening;
        var own = f.Number?.Screening;
        var texts = f.Snapshot.Settings?.Announcements;

        if (f.BlockMatch != ListMatch.None)
        {
            var response = own?.Blocked ?? account?.Blocked ?? ScreeningResponse.Busy;
            var what = f.BlockMatch switch
            {
                ListMatch.Anonymous => "the \"anonymous\" entry (caller withheld)",
                ListMatch.Prefix => "a prefix entry",
                _ => "the caller's number",
            };
            if (response != ScreeningResponse.Off)
            {
                return new(DecisionReasons.Blocked, response, texts?.Blocked ?? DefaultAnnouncements.Blocked,
                    $"Block list matched {what}: {Words(response)}.");
            }
        }

        // A call with no caller ID at all (not a privacy choice) is ICR's "missing" first; ACR catches it only when
        // ICR is off. A privacy-withheld call is ACR's business.
        var missingFirst = f.Call.CallerIdStatus == CallerIdStatus.Unavailable;
        if (missingFirst && Icr(f, own, account, texts) is { } missing)
        {
            return missing;
        }

        if (f.Call.Withheld)
        {
            var response = own?.Acr ?? account?.Acr ?? ScreeningResponse.Off;
            if (response != ScreeningResponse.Off)
            {
                var how = f.Call.CallerIdStatus == CallerIdStatus.Withheld ? "withheld" : "unavailable";
                return new(DecisionReasons.Acr, response, texts?.Acr ?? DefaultAnnouncements.Acr,
                    $"ACR: caller ID {how}: {Words(response)}.");
            }
        }

        return missingFirst ? null : Icr(f, own, account, texts);
    }

    private static ScreeningVerdict? Icr(in CallFacts f, ScreeningOptions? own, ScreeningOptions? account, Announcements? texts)
    {
        var icr = own?.Icr ?? account?.Icr ?? ScreeningResponse.Off;
        if (icr == ScreeningResponse.Off)
        {
            return null;
        }
        var failure = IcrFailure(f, out var which);
        return failure is null
            ? null
            : new(failure, icr, texts?.Icr ?? DefaultAnnouncements.Icr, $"ICR: {which} caller ID fails ({failure}): {Words(icr)}.");
    }

    /// <summary>
    /// Missing: no caller ID at all and the carrier did not mark privacy. Privacy-withheld calls without a number pass
    /// ICR (ACR decides them). Otherwise both the presentation and the network number, when present, must pass.
    /// </summary>
    private static string? IcrFailure(in CallFacts f, out string which)
    {
        which = "the";
        if (!f.Presentation.Present && !f.Network.Present)
        {
            return f.Call.CallerIdStatus == CallerIdStatus.Withheld ? null : DecisionReasons.IcrMissing;
        }
        if (f.Presentation.Present && CliCheck.Failure(f.Presentation) is { } p)
        {
            which = "the presentation";
            return p;
        }
        if (f.Network.Present && CliCheck.Failure(f.Network) is { } n)
        {
            which = "the network";
            return n;
        }
        return null;
    }

    private static string Words(ScreeningResponse response) => response switch
    {
        ScreeningResponse.Announcement => "answer with an announcement",
        ScreeningResponse.Busy => "reject busy (486)",
        ScreeningResponse.Unallocated => "reject unallocated (404)",
        _ => "off",
    };
}
