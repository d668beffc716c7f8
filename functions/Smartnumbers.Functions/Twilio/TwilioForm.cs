using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Smartnumbers.Functions.Twilio;

/// <summary>
/// The form of a Twilio webhook, read so that what Twilio may send never fails the call. ASP.NET Core's reader refuses
/// a value holding %00 (a caller name with a NUL, a SIP header with one) and more than 1,024 values; such a body is
/// parsed here as application/x-www-form-urlencoded is written (+ is a space, a %-escape that is not two hex digits
/// stays as it is, the bytes are UTF-8), so the values are the ones Twilio signed. The form is put on the request, so
/// every later <c>request.Form</c> read gets it.
/// </summary>
internal static class TwilioForm
{
    /// <summary>The largest body read (Twilio's webhooks are a few kilobytes).</summary>
    public const int MaxBodyBytes = 1 << 20;

    /// <summary>The request's form; null when the body is larger than <see cref="MaxBodyBytes"/> or is a multipart body that does not parse.</summary>
    public static async Task<IFormCollection?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await ReadBodyAsync(request.Body, ct);
        if (body is null)
        {
            return null;
        }

        request.Body = new MemoryStream(body, writable: false);
        try
        {
            return await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException) when (IsUrlEncoded(request))
        {
            var form = Parse(body);
            request.HttpContext.Features.Set<IFormFeature>(new FormFeature(form));
            return form;
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or IOException && !ct.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>An application/x-www-form-urlencoded body, tolerantly: keys case-insensitive as ASP.NET Core's, repeated keys keep every value.</summary>
    public static FormCollection Parse(ReadOnlySpan<byte> body)
    {
        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        while (!body.IsEmpty)
        {
            var end = body.IndexOf((byte)'&');
            var pair = end < 0 ? body : body[..end];
            body = end < 0 ? [] : body[(end + 1)..];
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf((byte)'=');
            var key = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            fields[key] = fields.TryGetValue(key, out var earlier) ? StringValues.Concat(earlier, value) : new StringValues(value);
        }

        return new FormCollection(fields);
    }

    private static string Decode(ReadOnlySpan<byte> encoded)
    {
        var bytes = new byte[encoded.Length];
        var length = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == '+')
            {
                b = (byte)' ';
            }
            else if (b == '%' && i + 2 < encoded.Length && Hex(encoded[i + 1]) is var high and >= 0 && Hex(encoded[i + 2]) is var low and >= 0)
            {
                b = (byte)((high << 4) | low);
                i += 2;
            }

            bytes[length++] = b;
        }

        return Encoding.UTF8.GetString(bytes, 0, length);
    }

    private static int Hex(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    private static bool IsUrlEncoded(HttpRequest request) =>
        request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;

    private static async Task<byte[]?> ReadBodyAsync(Stream body, CancellationToken ct)
    {
        using var copy = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (copy.Length + read > MaxBodyBytes)
            {
                return null;
            }

            copy.Write(chunk, 0, read);
        }

        return copy.ToArray();
    }
}
