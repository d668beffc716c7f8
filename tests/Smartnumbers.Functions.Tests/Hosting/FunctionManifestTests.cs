using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Functions.Hosting;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Hosting;

/// <summary>The custom-handler package must describe exactly what the app serves.</summary>
[Collection(AppCollection.Name)]
public sealed class FunctionManifestTests(SmartnumbersAppFactory factory)
{
    private static readonly string DefinitionsFolder =
        Path.Combine(RepositoryRoot.Path, "functions", "Smartnumbers.Functions", "FunctionDefinitions");

    private static FunctionManifest SourceManifest => FunctionManifest.Load(DefinitionsFolder);

    private IReadOnlyList<(string Pattern, IReadOnlyList<string> Methods)> AppEndpoints()
    {
        _ = factory.Server; // start the app
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (e.RoutePattern.RawText!.TrimStart('/'),
                (IReadOnlyList<string>)(e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToArray() ?? [])))
            .ToList();
    }

    [Fact]
    public void Every_http_function_route_and_method_is_served_by_the_app()
    {
        var endpoints = AppEndpoints();
        foreach (var function in SourceManifest.Functions.Where(f => !f.IsTimer))
        {
            var matcher = RouteRegex("api/" + function.HttpRoute);
            foreach (var method in function.HttpMethods)
            {
                Assert.True(
                    endpoints.Any(e => e.Methods.Contains(method) && matcher.IsMatch(SamplePath(e.Pattern))),
                    $"{function.Name}: {method} api/{function.HttpRoute} has no endpoint in the app");
            }
        }
    }

    [Fact]
    public void Every_api_endpoint_of_the_app_is_reachable_through_some_function()
    {
        var functions = SourceManifest.Functions.Where(f => !f.IsTimer).ToList();
        foreach (var (pattern, methods) in AppEndpoints().Where(e => e.Pattern.StartsWith("api/", StringComparison.Ordinal)))
        {
            foreach (var method in methods)
            {
                Assert.True(
                    functions.Any(f => f.HttpMethods.Contains(method) && RouteRegex("api/" + f.HttpRoute).IsMatch(SamplePath(pattern))),
                    $"{method} /{pattern} is served by the app but no function.json routes it");
            }
        }
    }

    [Fact]
    public void Every_timer_function_has_a_handler_and_an_invocation_endpoint()
    {
        var endpoints = AppEndpoints();
        var timers = factory.Services.GetServices<ITimerFunction>().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var declared = SourceManifest.Functions.Where(f => f.IsTimer).ToList();

        foreach (var function in declared)
        {
            Assert.Contains(function.Name, timers);
            Assert.Contains(endpoints, e => e.Pattern == function.Name && e.Methods.Contains("POST"));
            _ = TimerScheduler.ParseSchedule(function.Schedule!, new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        }

        Assert.Equal(declared.Select(f => f.Name).Order(), timers.Order());
    }

    [Fact]
    public void Host_json_starts_the_app_executable_as_a_custom_handler_forwarding_http_requests()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")));
        var handler = host.RootElement.GetProperty("customHandler");

        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
        Assert.Equal("Smartnumbers.Functions", handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString());
        Assert.True(handler.GetProperty("enableForwardingHttpRequest").GetBoolean());
        Assert.Equal("api", host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void Build_output_has_the_package_layout_of_host_json_and_one_folder_per_function()
    {
        var output = FunctionManifest.Load(AppContext.BaseDirectory);

        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "host.json")));
        Assert.Equal(SourceManifest.Functions.Select(f => f.Name).Order(), output.Functions.Select(f => f.Name).Order());
    }

    /// <summary>A Functions route template as a regex: "{x}" one segment (or part), "{*x}" the rest (optional, as in ASP.NET routing: "console/{*path}" matches "console").</summary>
    private static Regex RouteRegex(string template)
    {
        var pattern = Regex.Replace(Regex.Escape(template).Replace(@"\{", "{", StringComparison.Ordinal), @"/\{\\\*[^}]+}", "(/.*)?");
        pattern = Regex.Replace(pattern, @"\{\\\*[^}]+}", ".*");
        pattern = Regex.Replace(pattern, @"\{[^}]+}", "[^/]+");
        return new Regex("^" + pattern + "$", RegexOptions.CultureInvariant);
    }

    /// <summary>An app route pattern with each parameter replaced by a sample value.</summary>
    private static string SamplePath(string pattern) => Regex.Replace(pattern, @"\{[^}]+}", "x");
}
