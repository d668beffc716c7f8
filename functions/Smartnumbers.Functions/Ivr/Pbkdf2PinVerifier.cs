using System.Security.Cryptography;
using System.Text;
using Smartnumbers.Functions.Accounts;

namespace Smartnumbers.Functions.Ivr;

/// <summary>
/// PBKDF2-HMAC-SHA256 PIN hashes in the admin hasher's form <c>pbkdf2-sha256$&lt;iterations&gt;$&lt;saltBase64&gt;$&lt;hashBase64&gt;</c>
/// (<see cref="PinHasher"/>), compared in constant time.
/// </summary>
internal sealed class Pbkdf2PinVerifier : IPinVerifier
{
    private static readonly byte[] WasteSalt = new byte[16];

    /// <summary>Hashes claiming more work than this are refused rather than computed (a stored value cannot stall a call).</summary>
    public const int MaxIterations = 5_000_000;

    public bool Verify(string pin, string pinHash)
    {
        var parts = pinHash.Split('$');
        return parts.Length == 4 && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var n) && n <= MaxIterations
            && PinHasher.Verify(pin, pinHash);
    }

    public void Waste(string pin) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), WasteSalt, PinHasher.Iterations, HashAlgorithmName.SHA256, 32);
}
