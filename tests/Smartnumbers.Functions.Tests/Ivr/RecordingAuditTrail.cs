using System.Collections.Concurrent;
using Smartnumbers.Functions.Ivr;

namespace Smartnumbers.Functions.Tests.Ivr;

/// <summary>Keeps the lockouts the IVR audits, for assertions.</summary>
internal sealed class RecordingAuditTrail : IIvrAuditTrail
{
    private readonly ConcurrentQueue<PinLockoutBegan> _lockouts = new();

    public IReadOnlyList<PinLockoutBegan> Lockouts => [.. _lockouts];

    public Task LockoutBeganAsync(PinLockoutBegan lockout, IvrCall call, CancellationToken ct)
    {
        _lockouts.Enqueue(lockout);
        return Task.CompletedTask;
    }
}
