using System.Globalization;
using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Decisions;

namespace Smartnumbers.ModelEval;

/// <summary>
/// Generates the labelled evaluation set: plans genuine traffic and fraud campaigns from one seeded random source, then
/// replays the calls in time order the way the app does — the carrier's webhook fields into an
/// <see cref="InboundCall"/>, the caller's counters read before the call and updated after it, and the real
/// <see cref="CallDecider"/> extracting Call DNA. The same options and seed give the same calls.
/// </summary>
public static class EvaluationSetGenerator
{
    public static IReadOnlyList<EvaluationCall> Generate(EvaluationSetOptions? options = null)
    {
        options ??= new EvaluationSetOptions();
        var draw = new NumberFactory(new Random(options.Seed));
        var genuine = new GenuineTraffic(draw, options).Plan();
        var fraudCalls = (int)Math.Round(genuine.Count * options.FraudShare / (1 - options.FraudShare));
        var fraud = new FraudCampaigns(draw, options).Plan(fraudCalls);
        var planned = genuine.Concat(fraud).Select((call, i) => (call, i)).OrderBy(p => p.call.At).ThenBy(p => p.i).Select(p => p.call);

        var snapshot = EvaluationAccount.Snapshot;
        var ledger = new CallerLedger();
        var callers = new Dictionary<string, string?>(StringComparer.Ordinal);
        var calls = new List<EvaluationCall>(genuine.Count + fraud.Count);
        foreach (var plan in planned)
        {
            var call = ToInboundCall(plan, calls.Count);
            var caller = CallerKey(call, callers);
            var history = ledger.HistoryFor(caller, plan.Called, call.Withheld, plan.At);
            var assessment = CallDecider.Default.Assess(snapshot, call, history);
            if (!assessment.Risk.Scored)
            {
                throw new InvalidOperationException($"Call {call.CallId} was not scored: {string.Join(" ", assessment.Explanation)}");
            }
            ledger.Record(caller, plan.Called, call.Withheld, plan.At, Label(draw, options, plan));
            calls.Add(new EvaluationCall(plan.At, plan.Called, EvaluationAccount.ThresholdOf(plan.Called), plan.Pattern,
                plan.RepeatCaller, call, history, assessment.Risk));
        }
        return calls;
    }

    /// <summary>Whether an operator labels the call, and when (labels come after the call: a review, a complaint, an investigation).</summary>
    private static (bool Fraud, DateTimeOffset GivenAt)? Label(NumberFactory draw, EvaluationSetOptions options, PlannedCall plan)
    {
        var fraud = plan.Pattern.IsFraud();
        if (!draw.Chance(fraud ? options.FraudLabelledShare : options.GenuineLabelledShare))
        {
            return null;
        }
        var (min, max) = fraud ? options.FraudLabelDelayHours : options.GenuineLabelDelayHours;
        return (fraud, plan.At.AddHours(min + (draw.Random.NextDouble() * (max - min))));
    }

    /// <summary>The caller's identity for the counters, as the app keys them (the decision's E.164 caller number).</summary>
    private static string? CallerKey(InboundCall call, Dictionary<string, string?> known)
    {
        var text = call.PresentationNumber ?? call.NetworkNumber;
        if (text is null)
        {
            return null;
        }
        if (!known.TryGetValue(text, out var key))
        {
            key = CallDecider.Default.Assess(EvaluationAccount.Snapshot, call).CallerNumber;
            known[text] = key;
        }
        return key;
    }

    /// <summary>The call as the Twilio or ACS adapter builds it from the webhook.</summary>
    private static InboundCall ToInboundCall(PlannedCall p, int index)
    {
        var id = index.ToString("x8", CultureInfo.InvariantCulture);
        var hints = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (EvaluationAccount.CarrierOf(p.Called) == Carrier.Acs)
        {
            // ACS: a raw phone-number identifier ("4:+44…"), a separate privacy flag, no origin or STIR/SHAKEN.
            var anonymous = p.From is null || !p.From.StartsWith('+');
            hints[CallHints.FromKind] = anonymous ? "unknown" : "phoneNumber";
            return InboundCall.Create("acs-" + id, Carrier.Acs, p.Called, anonymous ? null : "4:" + p.From, p.At,
                carrierSaysAnonymous: anonymous, hints: hints);
        }
        hints["CallSid"] = "CA" + id;
        hints["To"] = p.Called;
        hints["From"] = p.From ?? "";
        Add(hints, CallHints.FromCountry, p.Origin);
        Add(hints, CallHints.StirVerstat, p.StirVerstat);
        Add(hints, CallHints.CallerName, p.CallerName);
        Add(hints, CallHints.SipSourceIp, p.SipSourceIp);
        return InboundCall.Create("CA" + id, Carrier.Twilio, p.Called, p.From, p.At, displayName: p.CallerName, hints: hints);
    }

    private static void Add(Dictionary<string, string> hints, string key, string? value)
    {
        if (value is not null)
        {
            hints[key] = value;
        }
    }
}
