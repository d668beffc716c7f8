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

    public bool Verify(string pin, string pinHash) => PinHasher.Verify(pin, pinHash);

    public void Waste(string pin) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), WasteSalt, PinHasher.Iterations, HashAlgorithmName.SHA256, 32);
}
