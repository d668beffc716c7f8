using Smartnumbers.Core;

namespace Smartnumbers.Functions.Accounts;

/// <summary>
/// Who owns a called number, as far as this instance can tell: an account (with its snapshot), no account, or
/// "can't tell" (storage could not be read in time and the number was never seen). Can't-tell never means "not ours".
/// </summary>
public abstract record NumberLookup
{
    private NumberLookup()
    {
    }

    /// <summary>An account owns the number; <paramref name="Snapshot"/> lists it.</summary>
    public sealed record Owned(AccountSnapshot Snapshot) : NumberLookup;

    /// <summary>Storage answered: no account owns the number.</summary>
    public sealed record NotOurs : NumberLookup;

    /// <summary>Storage did not answer in time and nothing is cached for the number (<paramref name="Reason"/> says why).</summary>
    public sealed record CannotTell(string Reason) : NumberLookup;

    /// <summary>The one "not ours" answer.</summary>
    public static NumberLookup NotOursAnswer { get; } = new NotOurs();
}
