using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Smartnumbers.Functions.Hosting;

/// <summary>How the app is woken: by the Azure Functions host (custom handler) or on its own.</summary>
internal static class HostingExtensions
{
    public const string CustomHandlerPortKey = "FUNCTIONS_CUSTOMHANDLER_PORT";
    public const string DefaultUrl = "http://localhost:7071";

    /// <summary>Binds 127.0.0.1:$FUNCTIONS_CUSTOMHANDLER_PORT under the Functions host, else the configured URL or <see cref="DefaultUrl"/>.</summary>
    public static IWebHostBuilder UseSmartnumbersListenAddress(this IWebHostBuilder webHost, IConfiguration configuration)
    {
        var port = configuration[CustomHandlerPortKey];
        if (!string.IsNullOrEmpty(port))
        {
            if (!int.TryParse(port, out var p) || p is < 1 or > 65535)
            {
                throw new OptionsValidationException(CustomHandlerPortKey, typeof(HostingOptions),
                    [$"{CustomHandlerPortKey}: '{port}' is not a TCP port (1-65535)"]);
            }

            return webHost.UseUrls($"http://127.0.0.1:{p}");
        }

        return string.IsNullOrEmpty(webHost.GetSetting(WebHostDefaults.ServerUrlsKey)) ? webHost.UseUrls(DefaultUrl) : webHost;
    }

    public static IServiceCollection AddSmartnumbersHosting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<HostingOptions>()
            .Configure(o => o.UnderFunctionsHost = !string.IsNullOrEmpty(configuration[CustomHandlerPortKey]))
            .BindConfiguration(HostingOptions.Section)
            .ValidateOnStart();
        services.AddSingleton(sp => FunctionManifest.Load(AppContext.BaseDirectory));
        services.AddHostedService<TimerScheduler>();
        services.AddProblemDetails();
        return services;
    }

    /// <summary>The host's readiness poll on "/", the bare load-test endpoint, and one POST /{FunctionName} per timer function.</summary>
    public static IEndpointRouteBuilder MapHostingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => TypedResults.Text("Smartnumbers")).ExcludeFromDescription();
        app.MapMethods("/api/ping", ["GET", "POST"], () => TypedResults.Text("pong"));
        TimerEndpoints.Map(app);
        return app;
    }

    /// <summary>The address the server actually listens on (useful when bound to port 0).</summary>
    public static string? ListeningAddress(this IServer server) =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
}
