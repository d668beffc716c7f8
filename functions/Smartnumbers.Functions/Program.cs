using Microsoft.Extensions.Options;
using Smartnumbers.Functions.Acs;
using Smartnumbers.Functions.Admin;
using Smartnumbers.Functions.DeliveryHealth;
using Smartnumbers.Functions.Hosting;
using Smartnumbers.Functions.Ivr;
using Smartnumbers.Functions.Notifications;
using Smartnumbers.Functions.OperatorConsole;
using Smartnumbers.Functions.Storage;
using Smartnumbers.Functions.Telemetry;
using Smartnumbers.Functions.Twilio;

// Settings are validated while the app is built, mapped and started: any OptionsValidationException on the way
// stops start-up with one line naming the key.
try
{
    // Settings never change under a running instance (changing an app setting restarts it), so nothing watches the
    // content root for appsettings changes: on Linux that watch walks every folder under it before the app can listen
    // (1.5 s of a measured cold start). A command-line value of the same key still wins.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false", .. args] });
    builder.WebHost.UseSmartnumbersListenAddress(builder.Configuration);

    builder.Services
        .AddSmartnumbersHosting(builder.Configuration)
        .AddSmartnumbersTelemetry(builder.Configuration, builder.Environment)
        .AddTableStorage()
        .AddAdminApi()
        .AddTwilio()
        .AddAcs()
        .AddIvr()
        .AddDeliveryHealth()
        .AddNotifications();

    var app = builder.Build();

    // An exception no endpoint caught: 503 with problem details when storage did not answer, else 500 with problem details.
    app.UseExceptionHandler();
    app.MapHostingEndpoints();
    app.MapStorageHealth();
    app.MapAdminApi();
    app.MapTwilioApi();
    app.MapAcsApi();
    app.MapIvrApi();
    app.MapDeliveryHealth();
    app.MapOperatorConsole();

    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException ex)
{
    // One clear line naming the setting, not a stack trace.
    await Console.Error.WriteLineAsync("Configuration error: " + string.Join("; ", ex.Failures));
    return 2;
}

/// <summary>The app's entry point; public so the functional tests can host it.</summary>
public partial class Program;
