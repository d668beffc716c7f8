using Smartnumbers.Functions.Tests.Acs;

namespace Smartnumbers.Functions.Tests.Chaos;

/// <summary>The app with Twilio and ACS (against the stand-in ACS) deciding calls with the real core, for the fuzz run.</summary>
public sealed class FuzzAppFactory : AcsAppFactory
{
    protected override bool UseTestRouter => false;
}
