using Smartnumbers.Core.Calls;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Admin;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Counters;

namespace Smartnumbers.Functions.Calls;

/// <summary>
/// Runs the full decision of a posted call against the account's live snapshot, the caller's current counters (read
/// only) and the account's model, and writes nothing: no record, no counter, no divert-cap slot. A wanted divert is
/// decided against the cap's current count, read only (as if the cap had room when it cannot be read;
/// <see cref="SimulateResponse.DivertCapAssumedAvailable"/> says so).
/// </summary>
internal sealed class CallSimulator(ISnapshotProvider snapshots, ICallCounters counters, IDivertCap divertCap, AccountRiskModels models, TimeProvider time)
{
    public const string SimulatedCallId = "simulated";

    /// <summary>The simulation, or the problem to answer (400 naming the field; 404 when the account is unknown).</summary>
    public async Task<(SimulateResponse? Result, IResult? Problem)> SimulateAsync(string account, SimulateRequest request, CancellationToken ct)
    {
        var errors = Validate(request, out var carrier);
        if (errors.Count > 0)
        {
            return (null, AdminResults.Invalid(errors));
        }

        var snapshot = await snapshots.GetAsync(account, ct);
        if (snapshot is null)
        {
            return (null, AdminResults.NotFound("The account does not exist."));
        }

        if (!snapshot.Numbers.ContainsKey(request.CalledNumber!))
        {
            return (null, AdminResults.Invalid("calledNumber", "is not a number of this account."));
        }

        var call = InboundCall.Create(SimulatedCallId, carrier, request.CalledNumber, From(request), request.At ?? time.GetUtcNow(),
            request.NetworkNumber, carrierSaysAnonymous: request.Withheld, displayName: DisplayName(request, carrier), hints: request.Hints);
        var caller = call.Withheld ? null : call.PresentationNumber ?? call.NetworkNumber;
        var history = (await counters.GetHistoryAsync(account, caller, call.CalledNumber, call.ArrivedAt, cancellationToken: ct)).ToCore();
        var decider = await models.GetAsync(account, ct);
        var assessment = decider.Assess(snapshot, call, history);
        int? used = assessment.DivertWanted ? await divertCap.DivertsInHourAsync(account, assessment.NumberKey!, call.ArrivedAt, ct) : null;
        var decision = decider.Decide(assessment, divertGranted: assessment.DivertWanted && (used is null || used < assessment.MaxDivertsPerHour));
        var record = CallRecordFactory.From(call, account, decision);
        var explanation = decision.Explanation.ToList();
        if (assessment.DivertWanted)
        {
            explanation.Add(used is { } n
                ? $"Simulation: {n} of {assessment.MaxDivertsPerHour} diverts used this hour (read only; no slot reserved)."
                : "Simulation: the divert cap could not be read and was assumed to have room (no slot reserved).");
        }

        return (new SimulateResponse
        {
            Risk = record.Risk!,
            Decision = record.Decision!,
            Flagged = decision.Flagged,
            DivertCapAssumedAvailable = assessment.DivertWanted && used is null,
            DivertsThisHour = used,
            History = new SimulatedHistory(history.CallsFromCallerLastHour, history.CallsFromCallerLastDay, history.WithheldCallsToNumberLastHour,
                history.DistinctNumbersCalledToday, history.PriorFraudLabels, history.PriorGenuineLabels),
            FittedModel = !ReferenceEquals(decider, Core.Decisions.CallDecider.Default),
            Explanation = explanation,
        }, null);
    }

    /// <summary>The display name the adapter would pass: Twilio's CallerName parameter; the ACS adapter passes none.</summary>
    private static string? DisplayName(SimulateRequest request, Carrier carrier) => carrier == Carrier.Acs ? null :
        request.Hints?.FirstOrDefault(h => h.Key.Equals(CallHints.CallerName, StringComparison.OrdinalIgnoreCase)).Value;

    private static string From(SimulateRequest request) => request.PresentationNumber ?? (request.Withheld ? "anonymous" : "");

    private static List<Admin.FieldError> Validate(SimulateRequest request, out Carrier carrier)
    {
        var errors = new List<Admin.FieldError>();
        carrier = Carrier.Twilio;
        if (!E164.IsValid(request.CalledNumber))
        {
            errors.Add(new("calledNumber", "must be an E.164 number of this account, such as +441134960001."));
        }

        if (request.PresentationNumber is { } p && p != "anonymous" && !E164.IsValid(p))
        {
            errors.Add(new("presentationNumber", "must be an E.164 number, \"anonymous\" or null."));
        }

        if (request.NetworkNumber is { } n && !E164.IsValid(n))
        {
            errors.Add(new("networkNumber", "must be an E.164 number or null."));
        }

        switch (request.Carrier)
        {
            case null or "twilio":
                break;
            case "acs":
                carrier = Carrier.Acs;
                break;
            default:
                errors.Add(new("carrier", "must be \"twilio\" or \"acs\"."));
                break;
        }

        if (request.Hints is { Count: > 100 })
        {
            errors.Add(new("hints", "must have at most 100 entries."));
        }

        return errors;
    }
}
