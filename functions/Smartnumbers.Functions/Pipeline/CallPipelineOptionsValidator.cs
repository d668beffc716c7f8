using Microsoft.Extensions.Options;
using Smartnumbers.Functions.Accounts;

namespace Smartnumbers.Functions.Pipeline;

/// <summary>Refuses start-up with one line naming the key when a call-pipeline or emergency-route setting cannot work.</summary>
internal sealed class CallPipelineOptionsValidator : IValidateOptions<CallPipelineOptions>, IValidateOptions<EmergencyRouteOptions>
{
    public ValidateOptionsResult Validate(string? name, CallPipelineOptions options)
    {
        var error = Range("TwilioOwnerBudget", options.TwilioOwnerBudget, TimeSpan.FromSeconds(10))
            ?? Range("AcsOwnerBudget", options.AcsOwnerBudget, TimeSpan.FromSeconds(25))
            ?? Range("HistoryBudget", options.HistoryBudget, TimeSpan.FromSeconds(2))
            ?? Range("DivertCapBudget", options.DivertCapBudget, TimeSpan.FromSeconds(5))
            ?? Range("SimulationHistoryBudget", options.SimulationHistoryBudget, TimeSpan.FromSeconds(10));
        return error is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(error);
    }

    public ValidateOptionsResult Validate(string? name, EmergencyRouteOptions options)
    {
        foreach (var destination in options.DestinationList)
        {
            if (!E164.IsDestination(destination))
            {
                return ValidateOptionsResult.Fail($"EmergencyRoute__Destinations: \"{destination}\" is not an E.164 number or sip: URI; give them comma-separated, such as +441134960000,+441614960000");
            }
        }

        if (options.RingSeconds is < 5 or > 120)
        {
            return ValidateOptionsResult.Fail("EmergencyRoute__RingSeconds: must be between 5 and 120");
        }

        return options.Announcement is { Length: > 1000 }
            ? ValidateOptionsResult.Fail("EmergencyRoute__Announcement: must be at most 1000 characters")
            : ValidateOptionsResult.Success;
    }

    private static string? Range(string key, TimeSpan value, TimeSpan max) =>
        value < TimeSpan.Zero || value > max ? $"CallPipeline__{key}: must be between 00:00:00 and {max:c}" : null;
}
