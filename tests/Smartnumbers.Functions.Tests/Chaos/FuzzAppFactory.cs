using Smartnumbers.Functions.Tests.Acs;

namespace Smartnumbers.Functions.Tests.Chaos;

/// <summary>
/// The app with Twilio and ACS (against the stand-in ACS) deciding calls with the real core, logging warnings and
/// above only: 10,000 requests' information lines would be most of the run's output and time.
/// </summary>
public sealed class FuzzAppFactory : AcsAppFactory
{
    public FuzzAppFactory() => Settings["Logging:LogLevel:Default"] = "Warning";

    protected override bool UseTestRouter => false;
}
