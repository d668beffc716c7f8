using Smartnumbers.Core;

namespace Smartnumbers.Functions.Accounts;

/// <summary>The cached snapshot of one account on this instance; newer versions replace older ones, never the reverse.</summary>
internal sealed class AccountSlot(Revalidation check)
{
    private readonly Lock _gate = new();

    public Revalidation Check { get; } = check;

    public AccountSnapshot? Snapshot { get; private set; }

    /// <summary>Storage has answered for this account at least once (so a null <see cref="Snapshot"/> means "no such account").</summary>
    public bool Known { get; private set; }

    /// <summary>Publishes a loaded snapshot (null: the account no longer exists) unless a newer one is already held.</summary>
    public void Publish(AccountSnapshot? snapshot)
    {
        lock (_gate)
        {
            Known = true;
            if (snapshot is null || Snapshot is null || snapshot.Version >= Snapshot.Version)
            {
                Snapshot = snapshot;
            }
        }
    }
}
