using System.Security.Cryptography;
using System.Text;

namespace Smartnumbers.Functions.Acs.Security;

/// <summary>Constant-time comparison of secrets (hashing first so the length does not leak either).</summary>
public static class SecretComparer
{
    public static bool Matches(string? presented, string expected)
    {
        if (presented is null)
        {
            return false;
        }

        Span<byte> a = stackalloc byte[32];
        Span<byte> b = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), a);
        SHA256.HashData(Encoding.UTF8.GetBytes(expected), b);
        return CryptographicOperations.FixedTimeEquals(a, b);
    }

    public static bool MatchesAny(string? presented, IEnumerable<string> expected)
    {
        var any = false;
        foreach (var e in expected)
        {
            any |= Matches(presented, e); // no short-circuit: every candidate is compared
        }

        return any;
    }
}
