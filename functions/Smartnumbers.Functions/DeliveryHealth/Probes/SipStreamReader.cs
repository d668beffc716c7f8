using System.Globalization;
using System.Text;

namespace Smartnumbers.Functions.DeliveryHealth.Probes;

/// <summary>Frames SIP messages on a stream transport: headers up to the blank line, then Content-Length bytes of body.</summary>
internal sealed class SipStreamReader(Stream stream)
{
    private const int MaxMessage = 64 * 1024;
    private readonly byte[] _buffer = new byte[MaxMessage];
    private int _count;

    /// <summary>The next message (headers and body) as text; null when the peer closed the connection.</summary>
    public async Task<string?> ReadMessageAsync(CancellationToken ct)
    {
        while (true)
        {
            // Keep-alive CRLFs between messages (RFC 5626) are skipped.
            var start = 0;
            while (start + 1 < _count && _buffer[start] == '\r' && _buffer[start + 1] == '\n')
            {
                start += 2;
            }

            Consume(start);
            var end = IndexOfBlankLine();
            if (end >= 0)
            {
                var head = Encoding.UTF8.GetString(_buffer, 0, end);
                var total = end + 4 + ContentLength(head);
                if (total > MaxMessage)
                {
                    throw new InvalidDataException($"SIP message of {total} bytes is larger than {MaxMessage}");
                }

                if (_count >= total)
                {
                    var message = Encoding.UTF8.GetString(_buffer, 0, total);
                    Consume(total);
                    return message;
                }
            }
            else if (_count == MaxMessage)
            {
                throw new InvalidDataException("SIP headers larger than 64 KB");
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_count), ct);
            if (read == 0)
            {
                return null;
            }

            _count += read;
        }
    }

    private int IndexOfBlankLine() => _buffer.AsSpan(0, _count).IndexOf("\r\n\r\n"u8);

    private void Consume(int bytes)
    {
        if (bytes == 0)
        {
            return;
        }

        Buffer.BlockCopy(_buffer, bytes, _buffer, 0, _count - bytes);
        _count -= bytes;
    }

    private static int ContentLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("l", StringComparison.OrdinalIgnoreCase))
            {
                return int.TryParse(line[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 0
                    ? n
                    : throw new InvalidDataException($"bad Content-Length '{line}'");
            }
        }

        // RFC 3261 18.3: Content-Length is mandatory on stream transports.
        throw new InvalidDataException("SIP message over TCP without Content-Length");
    }
}
