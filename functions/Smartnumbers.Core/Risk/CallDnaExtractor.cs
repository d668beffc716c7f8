using PhoneNumbers;
using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Decisions;
using Smartnumbers.Core.Numbers;
using Smartnumbers.Core.Screening;

namespace Smartnumbers.Core.Risk;

/// <summary>Computes every <see cref="CallDnaId"/> attribute of a call into one array.</summary>
internal static class CallDnaExtractor
{
    public static CallDnaVector Extract(in CallFacts f)
    {
        var v = new double[CallDnaCatalogue.Count];
        Identity(f, v);
        NumberType(f.Presentation.Present ? f.Presentation : f.Network, v);
        Region(f, v);
        Network(f, v);
        Spoofing(f, v);
        CallDnaSignals.Stir(f.Call, v);
        CallDnaSignals.Signalling(f, v);
        CallDnaSignals.Time(f, v);
        CallDnaSignals.Velocity(f, v);
        Set(v, CallDnaId.Blocklisted, f.BlockMatch != ListMatch.None);
        Set(v, CallDnaId.BlocklistedPrefix, f.BlockMatch == ListMatch.Prefix);
        Set(v, CallDnaId.CalledTollFree, f.Called.Type == PhoneNumberType.TOLL_FREE);
        Set(v, CallDnaId.CalledControlLine, f.Number?.ControlLine == true);
        Set(v, CallDnaId.CalledTimeZoneFallback, f.Zone is null);
        return new CallDnaVector(v);
    }

    internal static void Set(double[] v, CallDnaId id, bool on) => v[(int)id] = on ? 1 : 0;

    internal static void Set(double[] v, CallDnaId id, double value) => v[(int)id] = double.IsFinite(value) ? value : 0;

    /// <summary>Marks an attribute that cannot be computed for this call as absent (see <see cref="CallDnaVector"/>).</summary>
    internal static void Absent(double[] v, CallDnaId id) => v[(int)id] = double.NaN;

    private static void Identity(in CallFacts f, double[] v)
    {
        var p = f.Presentation;
        Set(v, CallDnaId.Withheld, f.Call.CallerIdStatus == CallerIdStatus.Withheld);
        Set(v, CallDnaId.CliUnavailable, f.Call.CallerIdStatus == CallerIdStatus.Unavailable);
        Set(v, CallDnaId.KeypadSpelledWithheld, f.Call.KeypadSpelledWithheld);
        Set(v, CallDnaId.PresentationPresent, p.Present);
        Set(v, CallDnaId.NetworkPresent, f.Network.Present);
        Set(v, CallDnaId.PresentationNonDialable, p.Present && !p.Dialable);
        Set(v, CallDnaId.PresentationUnparsable, p.Present && p.Dialable && !p.Parsed);
        Set(v, CallDnaId.PresentationInvalid, p.Present && !p.Valid);
        Set(v, CallDnaId.PresentationImpossible, p.Parsed && !p.Possible);
        Set(v, CallDnaId.PresentationNationalForm, p.Present && p.Dialable && p.Text![0] != '+');
        Set(v, CallDnaId.PresentationDigits, p.Present ? Math.Min(1, CountDigits(p.Text!) / 15.0) : 0);
    }

    private static void NumberType(in ParsedNumber n, double[] v)
    {
        if (!n.Present)
        {
            return;
        }
        var id = n.Type switch
        {
            PhoneNumberType.MOBILE => CallDnaId.TypeMobile,
            PhoneNumberType.FIXED_LINE => CallDnaId.TypeFixedLine,
            PhoneNumberType.FIXED_LINE_OR_MOBILE => CallDnaId.TypeFixedLineOrMobile,
            PhoneNumberType.TOLL_FREE => CallDnaId.TypeTollFree,
            PhoneNumberType.PREMIUM_RATE => CallDnaId.TypePremiumRate,
            PhoneNumberType.SHARED_COST => CallDnaId.TypeSharedCost,
            PhoneNumberType.VOIP => CallDnaId.TypeVoip,
            PhoneNumberType.PERSONAL_NUMBER => CallDnaId.TypePersonalNumber,
            PhoneNumberType.PAGER => CallDnaId.TypePager,
            PhoneNumberType.UAN => CallDnaId.TypeUan,
            PhoneNumberType.VOICEMAIL => CallDnaId.TypeVoicemail,
            _ => CallDnaId.TypeUnknown,
        };
        Set(v, id, true);
    }

    private static readonly string[] UkRegions = ["GB", "GG", "JE", "IM"];

    private static void Region(in CallFacts f, double[] v)
    {
        var n = f.Presentation.Present ? f.Presentation : f.Network;
        var home = f.Index.HomeCountryCode;
        var nonGeographic = n.Region == "001";
        Set(v, CallDnaId.CallerHomeRegion, n.Parsed && n.CountryCode == home);
        Set(v, CallDnaId.CallerInternational, n.Parsed && n.CountryCode != home && !nonGeographic);
        Set(v, CallDnaId.CallerNonGeographicNetwork, nonGeographic);
        var hint = f.Call.Hints.TryGetValue(CallHints.FromCountry, out var c) && c.Length == 2 ? c.ToUpperInvariant() : null;
        var hintCountryCode = hint is null ? 0 : PhoneNumberParser.Util.GetCountryCodeForRegion(hint);
        Set(v, CallDnaId.CarrierCountryMismatch, hintCountryCode != 0 && n.Parsed && !nonGeographic && hintCountryCode != n.CountryCode);
        Set(v, CallDnaId.CarrierForeignOrigin, hintCountryCode != 0 && hintCountryCode != home);
        var fromAbroad = hint is not null && hintCountryCode != 0 && Array.IndexOf(UkRegions, hint) < 0;
        var ukPresented = f.Presentation.IsUk && f.Presentation.Valid;
        var ukMobile = ukPresented && f.Presentation.Type == PhoneNumberType.MOBILE;
        Set(v, CallDnaId.UkMobileFromAbroad, ukMobile && fromAbroad);
        Set(v, CallDnaId.UkLandlineFromAbroad, ukPresented && !ukMobile && fromAbroad);
        UkRanges(n, v);
    }

    private static void UkRanges(in ParsedNumber n, double[] v)
    {
        if (!n.IsUk || n.National is null)
        {
            return;
        }
        var nsn = n.National;
        Set(v, CallDnaId.Uk09, nsn.StartsWith('9'));
        Set(v, CallDnaId.Uk08979, nsn.StartsWith("8979", StringComparison.Ordinal));
        Set(v, CallDnaId.UkRevenueShare, nsn.StartsWith("84", StringComparison.Ordinal) || nsn.StartsWith("87", StringComparison.Ordinal));
        Set(v, CallDnaId.UkWrongLength, nsn.Length is < 9 or > 10);
        Set(v, CallDnaId.UkDramaRange, IsDramaRange(nsn));
    }

    /// <summary>Ofcom's drama ranges (numbers reserved for TV and radio).</summary>
    internal static bool IsDramaRange(string nsn) =>
        nsn.StartsWith("7700900", StringComparison.Ordinal) || nsn.StartsWith("1632960", StringComparison.Ordinal)
        || nsn.StartsWith("2079460", StringComparison.Ordinal) || nsn.StartsWith("1134960", StringComparison.Ordinal)
        || nsn.StartsWith("1144960", StringComparison.Ordinal) || nsn.StartsWith("1154960", StringComparison.Ordinal)
        || nsn.StartsWith("1174960", StringComparison.Ordinal) || nsn.StartsWith("1184960", StringComparison.Ordinal)
        || nsn.StartsWith("1214960", StringComparison.Ordinal) || nsn.StartsWith("1314960", StringComparison.Ordinal)
        || nsn.StartsWith("1414960", StringComparison.Ordinal) || nsn.StartsWith("1514960", StringComparison.Ordinal)
        || nsn.StartsWith("1614960", StringComparison.Ordinal) || nsn.StartsWith("2890180", StringComparison.Ordinal)
        || nsn.StartsWith("2920180", StringComparison.Ordinal) || nsn.StartsWith("3069990", StringComparison.Ordinal)
        || nsn.StartsWith("8081570", StringComparison.Ordinal) || nsn.StartsWith("9098790", StringComparison.Ordinal);

    private static void Network(in CallFacts f, double[] v)
    {
        var n = f.Network;
        if (!n.Present)
        {
            // No network number: its comparisons are unknown, not "no mismatch" (networkPresent says 0).
            Absent(v, CallDnaId.NetworkMismatch);
            Absent(v, CallDnaId.NetworkRegionMismatch);
            Absent(v, CallDnaId.NetworkInvalid);
            Absent(v, CallDnaId.NetworkForeignPresentationUk);
            Absent(v, CallDnaId.Network08979);
            return;
        }
        var p = f.Presentation;
        Set(v, CallDnaId.NetworkMismatch, p.Present && n.E164 != p.E164);
        Set(v, CallDnaId.NetworkRegionMismatch, p.Parsed && n.Parsed && n.CountryCode != p.CountryCode);
        Set(v, CallDnaId.NetworkInvalid, !n.Valid && !(n.IsUk && n.National!.StartsWith("8979", StringComparison.Ordinal)));
        Set(v, CallDnaId.NetworkForeignPresentationUk, p.IsUk && n.Parsed && !n.IsUk);
        Set(v, CallDnaId.Network08979, n.IsUk && n.National is not null && n.National.StartsWith("8979", StringComparison.Ordinal));
    }

    private static void Spoofing(in CallFacts f, double[] v)
    {
        var caller = f.Presentation.Present ? f.Presentation : f.Network;
        if (caller.E164 is null)
        {
            return;
        }
        var called = f.Called.E164 ?? f.CalledKey ?? f.Call.CalledNumber;
        var same = caller.E164 == called;
        Set(v, CallDnaId.CallerIsCalledNumber, same);
        Set(v, CallDnaId.CallerIsAccountNumber, !same && f.Index.AccountNumbers.Contains(caller.E164));
        Set(v, CallDnaId.CallerIsRouteDestination, f.Index.Destinations.Contains(caller.E164));
        if (!same && caller.Parsed && f.Called.Parsed && caller.CountryCode == f.Called.CountryCode
            && caller.National!.Length == f.Called.National!.Length && caller.National.Length > 6)
        {
            var common = CommonPrefix(caller.National, f.Called.National);
            Set(v, CallDnaId.NeighbourSpoof, common >= caller.National.Length - 3);
            Set(v, CallDnaId.NeighbourSpoofNear, common >= caller.National.Length - 2);
        }
    }

    private static int CommonPrefix(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }
        return i;
    }

    private static int CountDigits(string s)
    {
        var n = 0;
        foreach (var c in s)
        {
            n += char.IsAsciiDigit(c) ? 1 : 0;
        }
        return n;
    }
}
