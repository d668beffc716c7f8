using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Decisions;
using static Smartnumbers.Core.Risk.CallDnaExtractor;

namespace Smartnumbers.Core.Risk;

/// <summary>Call DNA attributes from carrier signalling, local time and caller history.</summary>
internal static class CallDnaSignals
{
    private static readonly string[] AuthorityWords = ["bank", "hmrc", "police", "fraud", "security", "government", "gov", "tax", "court", "amazon", "microsoft", "barclays", "hsbc", "lloyds", "natwest", "santander"];

    public static void Stir(InboundCall call, double[] v)
    {
        if (!call.Hints.TryGetValue(CallHints.StirVerstat, out var verstat) || string.IsNullOrWhiteSpace(verstat)
            || verstat.Equals("NULL", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        Set(v, CallDnaId.StirPresent, true);
        var s = verstat.Trim();
        Set(v, CallDnaId.StirDiverted, s.EndsWith("-Diverted", StringComparison.OrdinalIgnoreCase) || s.EndsWith("-Passthrough", StringComparison.OrdinalIgnoreCase));
        if (s.StartsWith("TN-Validation-Passed-A", StringComparison.OrdinalIgnoreCase))
        {
            Set(v, CallDnaId.StirPassedA, true);
        }
        else if (s.StartsWith("TN-Validation-Passed-B", StringComparison.OrdinalIgnoreCase))
        {
            Set(v, CallDnaId.StirPassedB, true);
        }
        else if (s.StartsWith("TN-Validation-Passed-C", StringComparison.OrdinalIgnoreCase))
        {
            Set(v, CallDnaId.StirPassedC, true);
        }
        else if (s.StartsWith("TN-Validation-Failed", StringComparison.OrdinalIgnoreCase))
        {
            Set(v, CallDnaId.StirFailed, true);
        }
        else if (s.StartsWith("No-TN-Validation", StringComparison.OrdinalIgnoreCase))
        {
            Set(v, CallDnaId.StirNoValidation, true);
        }
    }

    public static void Signalling(in CallFacts f, double[] v)
    {
        var call = f.Call;
        var headers = 0;
        if (call.Hints is Dictionary<string, string> hints)
        {
            // InboundCall.Create always holds a Dictionary: its own enumerator is a struct, the interface's is boxed.
            foreach (var key in hints.Keys)
            {
                headers += IsSipHeader(key) ? 1 : 0;
            }
        }
        else
        {
            foreach (var key in call.Hints.Keys)
            {
                headers += IsSipHeader(key) ? 1 : 0;
            }
        }
        Set(v, CallDnaId.CarrierAcs, call.Carrier == Carrier.Acs);
        Set(v, CallDnaId.SipHeaderCount, Math.Min(headers, 10) / 10.0);
        var raw = call.RawFrom ?? "";
        var kind = call.Hints.TryGetValue(CallHints.FromKind, out var k) ? k : null;
        var notPhone = raw.StartsWith("client:", StringComparison.OrdinalIgnoreCase) && call.CallerIdStatus == CallerIdStatus.Presented
                       || (kind is not null && !kind.Equals("phoneNumber", StringComparison.OrdinalIgnoreCase) && !kind.Equals("unknown", StringComparison.OrdinalIgnoreCase));
        Set(v, CallDnaId.CallerNotPhoneNumber, notPhone);
        Set(v, CallDnaId.CallerSipUri, raw.TrimStart().StartsWith("sip", StringComparison.OrdinalIgnoreCase));
        Set(v, CallDnaId.SipSourceIp, call.Hints.TryGetValue(CallHints.SipSourceIp, out var ip) && ip.Length > 0);
        var cnam = call.Hints.TryGetValue(CallHints.CallerName, out var n) && !string.IsNullOrWhiteSpace(n) ? n : null;
        Set(v, CallDnaId.DisplayNamePresent, call.DisplayName is not null);
        Set(v, CallDnaId.CnamPresent, cnam is not null);
        Set(v, CallDnaId.DisplayNameAuthority, ClaimsAuthority(call.DisplayName) || ClaimsAuthority(cnam));
        Set(v, CallDnaId.DisplayNameNumeric, IsOtherNumber(call.DisplayName, f.CallerE164));
        Set(v, CallDnaId.Forwarded,
            (call.Hints.TryGetValue(CallHints.ForwardedFrom, out var fw) && fw.Length > 0)
            || (call.Hints.TryGetValue(CallHints.OnBehalfOf, out var ob) && ob.Length > 0));
    }

    public static void Time(in CallFacts f, double[] v)
    {
        var local = f.LocalTime;
        var hour = local.Hour;
        var weekend = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        Set(v, CallDnaId.LocalNight, hour < 6);
        Set(v, CallDnaId.LocalWeekend, weekend);
        Set(v, CallDnaId.LocalOutOfHours, weekend || hour < 8 || hour >= 18);
        Set(v, CallDnaId.LocalHour, hour / 23.0);
    }

    public static void Velocity(in CallFacts f, double[] v)
    {
        var h = f.History;
        var withheld = f.Call.Withheld;
        Set(v, CallDnaId.CallsLastHour, LogScale(h.CallsFromCallerLastHour, 100));
        Set(v, CallDnaId.CallsLastDay, LogScale(h.CallsFromCallerLastDay, 1000));
        Set(v, CallDnaId.BurstCaller, h.CallsFromCallerLastHour >= 5);
        Set(v, CallDnaId.WithheldToNumberLastHour, withheld ? LogScale(h.WithheldCallsToNumberLastHour, 100) : 0);
        Set(v, CallDnaId.WithheldStorm, withheld && h.WithheldCallsToNumberLastHour >= 10);
        Set(v, CallDnaId.DistinctNumbersToday, Math.Clamp(h.DistinctNumbersCalledToday / 20.0, 0, 1));
        Set(v, CallDnaId.NumberHopping, h.DistinctNumbersCalledToday >= 3);
        Set(v, CallDnaId.PriorFraudLabels, LogScale(h.PriorFraudLabels, 10));
        Set(v, CallDnaId.PriorGenuineLabels, LogScale(h.PriorGenuineLabels, 10));
        Set(v, CallDnaId.KnownBadActor, h.PriorFraudLabels > 0 && h.PriorFraudLabels >= h.PriorGenuineLabels);
        Set(v, CallDnaId.FirstTimeCaller, h.CallsFromCallerLastDay <= 0 && h.PriorFraudLabels <= 0 && h.PriorGenuineLabels <= 0);
    }

    private static bool IsSipHeader(string key) =>
        key.StartsWith(CallHints.TwilioSipHeaderPrefix, StringComparison.OrdinalIgnoreCase)
        || key.StartsWith(CallHints.AcsSipHeaderPrefix, StringComparison.OrdinalIgnoreCase)
        || key.StartsWith(CallHints.AcsVoipHeaderPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>ln(1+n)/ln(1+max), clamped to 0–1; negative counts read as 0.</summary>
    internal static double LogScale(int n, int max) => n <= 0 ? 0 : Math.Min(1, Math.Log(1 + n) / Math.Log(1 + max));

    private static bool ClaimsAuthority(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }
        foreach (var word in AuthorityWords)
        {
            var at = name.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (at == 0 || !char.IsLetter(name[at - 1]))
                && (at + word.Length == name.Length || !char.IsLetter(name[at + word.Length])))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsOtherNumber(string? displayName, string? caller)
    {
        if (displayName is null)
        {
            return false;
        }
        var stripped = CallerIdText.Strip(displayName);
        if (stripped.Length < 6 || !stripped.TrimStart('+').All(char.IsAsciiDigit))
        {
            return false;
        }
        return caller is null || !caller.EndsWith(stripped.TrimStart('+').TrimStart('0'), StringComparison.Ordinal);
    }
}
