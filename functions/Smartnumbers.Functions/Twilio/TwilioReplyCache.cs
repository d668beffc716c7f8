using Microsoft.Extensions.Caching.Memory;
using Smartnumbers.Functions.Twilio.Twiml;

namespace Smartnumbers.Functions.Twilio;

/// <summary>
/// Replies by I-Twilio-Idempotency-Token, kept <see cref="KeepFor"/>: a retried webhook gets the same answer and nothing
/// is decided, reserved or recorded again on this instance (on another instance the records' upserts keyed by call id
/// keep it to one record).
/// </summary>
public sealed class TwilioReplyCache : IDisposable
{
    public const string Header = "I-Twilio-Idempotency-Token";
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(5);
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public bool TryGet(string? token, out TwimlResult reply)
    {
        reply = null!;
        return !string.IsNullOrEmpty(token) && cache.TryGetValue(Key(token), out reply!);
    }

    public void Set(string? token, TwimlResult reply)
    {
        if (!string.IsNullOrEmpty(token))
        {
            cache.Set(Key(token), reply, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = KeepFor, Size = 1 });
        }
    }

    public void Dispose() => cache.Dispose();

    private static string Key(string token) => "twilio-reply:" + token;
}
