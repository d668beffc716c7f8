namespace Smartnumbers.Core.Risk;

/// <summary>
/// Every Call DNA attribute with its meaning and default weight. This list is the single source of
/// docs/call-dna-attributes.md (written by a test that fails when the committed file drifts) and of
/// <see cref="RiskModel.Default"/>. Default weights are log-odds added per unit of value; docs/core.md explains them.
/// </summary>
public static class CallDnaCatalogue
{
    /// <summary>Log-odds before any attribute: about 1.8 % fraud for a call that reached scoring.</summary>
    public const double DefaultBias = -4.0;

    /// <summary>All attributes, in vector order.</summary>
    public static IReadOnlyList<CallDnaAttribute> All { get; } =
    [
        new(0, "withheld", "identity", 1.2, "withheld", "The caller chose privacy (anonymous, Restricted, private, blocked, ACS isAnonymous)."),
        new(1, "cliUnavailable", "identity", 1.4, "withheld", "No caller ID reached us (empty, unknown, unavailable)."),
        new(2, "keypadSpelledWithheld", "identity", 0.8, "withheld", "The caller ID was a keypad-spelled withheld marker such as +266696687 (ANONYMOUS)."),
        new(3, "presentationPresent", "identity", -0.2, null, "A presentation number (SIP From) was shown."),
        new(4, "networkPresent", "identity", -0.2, null, "A network number (P-Asserted-Identity) came with the call; 0 when none did, and the network comparisons are then absent."),
        new(5, "presentationNonDialable", "identity", 1.5, "invalid", "The presentation number holds characters other than digits and a leading '+' (a SIP user name, letters)."),
        new(6, "presentationUnparsable", "identity", 1.2, "invalid", "libphonenumber could not parse the presentation number (bad country code, too short or long)."),
        new(7, "presentationInvalid", "identity", 2.0, "invalid", "The presentation number is not valid per libphonenumber's metadata."),
        new(8, "presentationImpossible", "identity", 0.8, "invalid", "The presentation number does not even have a possible length for its country."),
        new(9, "presentationNationalForm", "identity", 0.2, null, "The presentation number arrived in national form (no '+'), read in the account's home region."),
        new(10, "presentationDigits", "identity", 0.0, null, "Digits in the presentation number ÷ 15 (informational)."),
        new(11, "typeMobile", "numberType", 0.0, null, "The caller's number type is MOBILE."),
        new(12, "typeFixedLine", "numberType", -0.3, null, "The caller's number type is FIXED_LINE (geographic)."),
        new(13, "typeFixedLineOrMobile", "numberType", 0.0, null, "The caller's number type is FIXED_LINE_OR_MOBILE (regions that cannot tell them apart)."),
        new(14, "typeTollFree", "numberType", 0.6, null, "The caller presents a freephone number (0800/0808): legitimate for outbound diallers, favoured by spoofers."),
        new(15, "typePremiumRate", "numberType", 2.0, "premium", "The caller presents a premium-rate number (GB 084x/087x/09x)."),
        new(16, "typeSharedCost", "numberType", 1.0, "premium", "The caller presents a shared-cost number."),
        new(17, "typeVoip", "numberType", 1.2, "voip", "The caller presents a VoIP-range number (GB 056)."),
        new(18, "typePersonalNumber", "numberType", 1.5, null, "The caller presents a personal number (GB 070), a follow-me range popular with scammers."),
        new(19, "typePager", "numberType", 1.0, null, "The caller presents a pager number (GB 076)."),
        new(20, "typeUan", "numberType", 0.0, null, "The caller presents a UAN / non-geographic corporate number (GB 03x, 055)."),
        new(21, "typeVoicemail", "numberType", 1.0, null, "The caller presents a voicemail-access number."),
        new(22, "typeUnknown", "numberType", 0.5, null, "The caller's number type is unknown (invalid or unclassified)."),
        new(23, "callerHomeRegion", "region", -0.5, null, "The caller's number shares the home region's country code (GB: +44, including GG, JE, IM)."),
        new(24, "callerInternational", "region", 1.0, "international", "The caller's number has another country code."),
        new(25, "callerNonGeographicNetwork", "region", 1.5, "international", "The caller's number is on a global network (+800, +870, +881, +882, +883: region 001)."),
        new(26, "carrierCountryMismatch", "region", 1.0, null, "The carrier's FromCountry hint disagrees with the number's region."),
        new(27, "carrierForeignOrigin", "region", 0.5, "international", "The carrier's FromCountry hint names a country other than the home region."),
        new(28, "ukMobileFromAbroad", "region", 2.0, "spoofed", "A UK mobile is presented on a call the carrier says came from abroad (roamers exist, so weaker than landline)."),
        new(29, "ukLandlineFromAbroad", "region", 3.0, "spoofed", "A UK landline or non-geographic number is presented on a call from abroad (Ofcom: block since Jan 2025)."),
        new(30, "uk09", "ukRanges", 2.5, "premium", "The caller ID is a UK 09 premium-rate number (banned as CLI)."),
        new(31, "uk08979", "ukRanges", 1.5, null, "The caller ID is in Ofcom's non-dialable 08979 range (a replaced missing CLI)."),
        new(32, "ukRevenueShare", "ukRanges", 0.8, "premium", "The caller ID is a UK revenue-sharing 084/087 number."),
        new(33, "ukWrongLength", "ukRanges", 2.0, "invalid", "A UK caller ID that is not 10 or 11 digits long in national form."),
        new(34, "ukDramaRange", "ukRanges", 1.5, "invalid", "The caller ID is in an Ofcom drama range (07700 900xxx, 01632 960xxx, 020 7946 0xxx…): never a real caller."),
        new(35, "networkMismatch", "network", 0.3, null, "The network number differs from the presentation number (mostly legitimate: switchboards). Absent without a network number."),
        new(36, "networkRegionMismatch", "network", 1.0, null, "The network and presentation numbers have different country codes. Absent without a network number."),
        new(37, "networkInvalid", "network", 1.5, "invalid", "The network number is invalid. Absent without a network number."),
        new(38, "networkForeignPresentationUk", "network", 2.5, "spoofed", "The network number is foreign while a UK number is presented. Absent without a network number."),
        new(39, "network08979", "network", 0.8, null, "The network number is an 08979 placeholder: the ingress provider replaced a missing or invalid CLI. Absent without a network number."),
        new(40, "callerIsCalledNumber", "spoofing", 4.0, "spoofed", "The caller presents the very number it is calling."),
        new(41, "callerIsAccountNumber", "spoofing", 3.0, "spoofed", "The caller presents another inbound number of the same account."),
        new(42, "neighbourSpoof", "spoofing", 1.5, "spoofed", "The caller's number shares all but the last 3 digits with the called number (same 1000 block)."),
        new(43, "neighbourSpoofNear", "spoofing", 1.0, "spoofed", "The caller's number shares all but the last 2 digits with the called number (same 100 block)."),
        new(44, "callerIsRouteDestination", "spoofing", 0.5, null, "The caller presents a destination of one of the account's routes (an internal phone)."),
        new(45, "stirPresent", "stirShaken", -0.2, null, "A STIR/SHAKEN verdict came with the call (US/Canada only)."),
        new(46, "stirPassedA", "stirShaken", -1.5, null, "STIR/SHAKEN full attestation passed: the originating carrier vouches for the number."),
        new(47, "stirPassedB", "stirShaken", -0.3, null, "STIR/SHAKEN partial attestation passed: known customer, number unverified."),
        new(48, "stirPassedC", "stirShaken", 0.5, null, "STIR/SHAKEN gateway attestation only: the carrier knows the entry point, not the caller."),
        new(49, "stirFailed", "stirShaken", 2.5, "spoofed", "STIR/SHAKEN validation failed: the signature does not vouch for this caller ID."),
        new(50, "stirNoValidation", "stirShaken", 0.8, null, "STIR/SHAKEN could not be validated (malformed, stale or mismatched PASSporT)."),
        new(51, "stirDiverted", "stirShaken", 0.3, null, "The STIR/SHAKEN verdict is for a diverted or passed-through call."),
        new(52, "carrierAcs", "signalling", 0.0, null, "The call came through Azure Communication Services (0 = Twilio)."),
        new(53, "sipHeaderCount", "signalling", 0.2, null, "Custom SIP/VoIP headers on the call, ÷ 10, at most 1."),
        new(54, "callerNotPhoneNumber", "signalling", -0.5, null, "The caller is an app/Teams/ACS user or Twilio client, not a phone number."),
        new(55, "callerSipUri", "signalling", 0.8, "voip", "The caller ID arrived as a SIP URI (VoIP origin)."),
        new(56, "sipSourceIp", "signalling", 0.5, "voip", "The call entered through a SIP domain (the carrier reports its source IP)."),
        new(57, "displayNamePresent", "signalling", -0.2, null, "The carrier passed a display name."),
        new(58, "displayNameAuthority", "signalling", 2.0, "spoofed", "The display or CNAM name claims an authority (bank, HMRC, police, fraud team, security, government)."),
        new(59, "displayNameNumeric", "signalling", 0.8, null, "The display name is a number different from the caller ID."),
        new(60, "cnamPresent", "signalling", -0.3, null, "A CNAM caller name was looked up for the caller."),
        new(61, "forwarded", "signalling", 0.3, null, "The call was forwarded (ForwardedFrom) or redirected on someone's behalf."),
        new(62, "localNight", "time", 0.8, null, "It is 00:00–05:59 in the called number's time zone."),
        new(63, "localWeekend", "time", 0.2, null, "It is Saturday or Sunday in the called number's time zone."),
        new(64, "localOutOfHours", "time", 0.3, null, "It is outside 08:00–18:00 on a weekday in the called number's time zone."),
        new(65, "localHour", "time", 0.0, null, "The local hour ÷ 23 (informational)."),
        new(66, "callsLastHour", "velocity", 1.5, null, "Calls from this caller in the last hour, log-scaled: ln(1+n)/ln(101), at most 1."),
        new(67, "callsLastDay", "velocity", 0.8, null, "Calls from this caller in the last day, log-scaled: ln(1+n)/ln(1001), at most 1."),
        new(68, "burstCaller", "velocity", 1.2, "repeat", "Five or more calls from this caller in the last hour."),
        new(69, "withheldToNumberLastHour", "velocity", 1.0, null, "For a withheld call: withheld calls to this number in the last hour, log-scaled ln(1+n)/ln(101)."),
        new(70, "withheldStorm", "velocity", 1.5, "repeat", "A withheld call while ten or more withheld calls hit this number in the last hour."),
        new(71, "distinctNumbersToday", "velocity", 1.0, null, "Distinct numbers of the account this caller rang today ÷ 20, at most 1."),
        new(72, "numberHopping", "velocity", 1.2, "repeat", "This caller rang three or more of the account's numbers today."),
        new(73, "priorFraudLabels", "reputation", 2.0, null, "Earlier calls from this caller labelled fraud, log-scaled ln(1+n)/ln(11), at most 1."),
        new(74, "priorGenuineLabels", "reputation", -1.5, null, "Earlier calls from this caller labelled genuine, log-scaled ln(1+n)/ln(11), at most 1."),
        new(75, "knownBadActor", "reputation", 2.5, "bad-actor", "The caller has fraud labels and no more genuine labels than fraud ones."),
        new(76, "firstTimeCaller", "reputation", 0.1, null, "No calls from this caller in the last day and no labels."),
        new(77, "blocklisted", "lists", 3.0, "blocklisted", "The caller matched the block list (scored only when the block response is off)."),
        new(78, "blocklistedPrefix", "lists", 0.5, "blocklisted", "The block-list match was a prefix entry rather than the exact number."),
        new(79, "calledTollFree", "called", 0.2, null, "The called number is freephone (reached by anyone, at the owner's cost)."),
        new(80, "calledControlLine", "called", 0.0, null, "The called number is the account's IVR dial-in line."),
        new(81, "calledTimeZoneFallback", "called", 0.0, null, "The number's time zone was missing or unknown, so UTC was used for the time attributes."),
    ];

    /// <summary>Number of attributes.</summary>
    public static int Count => All.Count;

    private static readonly Dictionary<string, int> ByName = All.ToDictionary(a => a.Name, a => a.Index, StringComparer.Ordinal);

    /// <summary>Each attribute's name by index, as an array: scoring reads it per call.</summary>
    internal static string[] Names { get; } = [.. All.Select(a => a.Name)];

    /// <summary>The distinct tags, in order of first appearance (at most 64, so a call's tags fit one bit mask).</summary>
    internal static string[] Tags { get; } = [.. All.Select(a => a.Tag).OfType<string>().Distinct()];

    /// <summary>Each attribute's tag as an index into <see cref="Tags"/>, by attribute index; -1 for no tag.</summary>
    internal static int[] TagIndexOf { get; } = [.. All.Select(a => a.Tag is null ? -1 : Array.IndexOf(Tags, a.Tag))];

    /// <summary>The index of the attribute named <paramref name="name"/>, or -1.</summary>
    public static int IndexOf(string name) => ByName.GetValueOrDefault(name, -1);
}
