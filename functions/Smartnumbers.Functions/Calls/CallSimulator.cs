using Smartnumbers.Core.Calls;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Admin;
using Smartnumbers.Functions.CallRecords;
using Smartnumbers.Functions.Pipeline;

namespace Smartnumbers.Functions.Calls;

/// <summary>
/// Runs a posted call through the same <see cref="CallPipeline"/> as real calls, against the account's live snapshot,
/// and writes nothing: no record, no counter, no divert-cap slot. A wanted divert is decided against the cap's current
/// count, read only (as if the cap had room when it cannot be read; <see cref="SimulateResponse.DivertCapAssumedAvailable"/>
/// says so). Any caller text a carrier can deliver is accepted, as a carrier would bring it.
/// </summary>
internal sealed class CallSimulator(ISnapshotProvider snapshots, CallPipeline pipeline, TimeProvider time)
{
    public const string SimulatedCallId = "simulated";

    /// <summary>The longest caller text the simulator takes (a carrier's From header fits well within it).</summary>
    public const int MaxCallerText = 2048;

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
        var (assessment, decision, history, decider, used) = await pipeline.SimulateAsync(snapshot, call, ct);
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
            FittedModel = !ReferenceEquals(decider.Model, Core.Risk.RiskModel.Default),
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

        // Any caller text a carrier can deliver is simulated as that carrier would bring it (usually ICR then rejects it).
        if (request.PresentationNumber is { Length: > MaxCallerText })
        {
            errors.Add(new("presentationNumber", $"must be at most {MaxCallerText} characters."));
        }

        if (request.NetworkNumber is { Length: > MaxCallerText })
        {
            errors.Add(new("networkNumber", $"must be at most {MaxCallerText} characters."));
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
