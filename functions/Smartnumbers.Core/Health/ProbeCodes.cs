namespace Smartnumbers.Core.Health;

/// <summary>Which final status codes (SIP or HTTP) count as healthy.</summary>
public static class ProbeCodes
{
    /// <summary>Kamailio and others synthesise 408 locally on timeout: a dead peer would look alive if 408 counted.</summary>
    public const int RequestTimeout = 408;

    /// <summary>2xx, or one of <paramref name="healthyCodes"/>; never 408, never 1xx.</summary>
    public static bool IsHealthy(int code, IReadOnlyList<int>? healthyCodes)
    {
        if (code == RequestTimeout || code < 200)
        {
            return false;
        }

        return code is >= 200 and <= 299 || (healthyCodes?.Contains(code) ?? false);
    }
}
