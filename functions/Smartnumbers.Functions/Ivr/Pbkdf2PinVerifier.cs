using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Smartnumbers.Functions.Ivr;

/// <summary>
/// PBKDF2-HMAC-SHA256 PIN hashes in the form <c>pbkdf2-sha256$&lt;iterations&gt;$&lt;saltBase64&gt;$&lt;hashBase64&gt;</c>;
/// compared in constant time.
/// </summary>
internal sealed class Pbkdf2PinVerifier : IPinVerifier
{
    public const string Scheme = "pbkdf2-sha256";
    /// <summary>Hashes claiming more work than this are refused rather than computed (a stored value cannot stall a call).</summary>
    public const int MaxIterations = 5_000_000;
    private const int WasteIterations = 210_000;
    private static readonly byte[] WasteSalt = new byte[16];

    public bool Verify(string pin, string pinHash)
    {
        if (!TryParse(pinHash, out var iterations, out var salt, out var expected))
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    public void Waste(string pin) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), WasteSalt, WasteIterations, HashAlgorithmName.SHA256, 32);

    private static bool TryParse(string pinHash, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        var parts = pinHash.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            || iterations is < 1 or > MaxIterations)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length > 0 && hash.Length >= 16;
    }
}
