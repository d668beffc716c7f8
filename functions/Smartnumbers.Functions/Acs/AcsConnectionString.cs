namespace Smartnumbers.Functions.Acs;

/// <summary><c>endpoint=https://…/;accesskey=&lt;base64&gt;</c>, split on ';', keys case-insensitive.</summary>
public sealed record AcsConnectionString(Uri Endpoint, byte[] AccessKey)
{
    public static bool TryParse(string? value, out AcsConnectionString? result, out string error)
    {
        result = null;
        error = "";
        string? endpoint = null;
        string? key = null;
        foreach (var part in (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var name = part[..eq].Trim();
            if (name.Equals("endpoint", StringComparison.OrdinalIgnoreCase))
            {
                endpoint = part[(eq + 1)..].Trim();
            }
            else if (name.Equals("accesskey", StringComparison.OrdinalIgnoreCase))
            {
                key = part[(eq + 1)..].Trim();
            }
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            error = "endpoint= must be an absolute https URI";
            return false;
        }

        var bytes = new byte[((key?.Length ?? 0) * 3 / 4) + 3];
        if (string.IsNullOrEmpty(key) || !Convert.TryFromBase64String(key, bytes, out var written) || written == 0)
        {
            error = "accesskey= must be base64";
            return false;
        }

        result = new AcsConnectionString(uri, bytes[..written]);
        return true;
    }
}
