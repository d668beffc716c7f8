using Microsoft.Extensions.DependencyInjection.Extensions;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Ivr;

/// <summary>Registration of the dial-in line: sessions, PIN checks and lockouts, and the machine's driver.</summary>
internal static class IvrApi
{
    public static IServiceCollection AddIvr(this IServiceCollection services)
    {
        services.AddOptions<DialInOptions>().BindConfiguration(DialInOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddTable(IvrSessionStore.TableName);
        services.AddTable(PinLockouts.TableName);
        services.AddSingleton<IvrSessionStore>();
        services.AddSingleton<PinLockouts>();
        services.AddSingleton<IPinVerifier, Pbkdf2PinVerifier>();
        services.TryAddSingleton<IIvrAuditTrail, LoggingIvrAuditTrail>();
        services.AddSingleton<IvrPinCheck>();
        services.AddSingleton<DialInLine>();
        return services;
    }
}
