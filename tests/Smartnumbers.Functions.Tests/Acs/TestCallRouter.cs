using System.Collections.Concurrent;
using Smartnumbers.Functions.Acs.Calls;
using Smartnumbers.Functions.Acs.Events;

namespace Smartnumbers.Functions.Tests.Acs;

/// <summary>Routes by called number as a test says (the carrier seam; the decision core is tested on its own).</summary>
public sealed class TestCallRouter : IAcsCallRouter
{
    public ConcurrentDictionary<string, AcsCallInstruction> ByCalledNumber { get; } = new();

    public ConcurrentQueue<AcsIncomingCall> Seen { get; } = new();

    public Task<AcsCallInstruction> RouteAsync(AcsIncomingCall call, CancellationToken ct)
    {
        Seen.Enqueue(call);
        return ByCalledNumber.TryGetValue(call.CalledNumber, out var instruction)
            ? Task.FromResult(instruction)
            : throw new InvalidOperationException("no route for " + call.CalledNumber);
    }
}
