namespace Smartnumbers.Core.Ivr;

/// <summary>Facts about <see cref="IvrStep"/> values.</summary>
public static class IvrSteps
{
    /// <summary>True for the steps after which the call is hung up.</summary>
    public static bool IsFinished(this IvrStep step) => step is IvrStep.Done or IvrStep.Goodbye or IvrStep.Locked;

    /// <summary>True while a request is out and the machine waits for its result rather than for keys.</summary>
    public static bool IsAwaitingResult(this IvrStep step) => step is IvrStep.VerifyingPin or IvrStep.Applying;
}
