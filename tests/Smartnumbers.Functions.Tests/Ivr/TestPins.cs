using System.Security.Cryptography;
using System.Text;

namespace Smartnumbers.Functions.Tests.Ivr;

/// <summary>Writes PIN hashes in the documented format, independently of the app's code.</summary>
internal static class TestPins
{
    public static string Hash(string pin, int iterations = 1_000)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), salt, iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2-sha256${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }
}
