using Smartnumbers.Functions.Tests.CallRecords;

namespace Smartnumbers.Functions.Tests.Pipeline;

/// <summary>
/// A new app instance that has looked nothing up yet, its storage behind a gate the test can close or hang, and short
/// owner budgets so that "can't tell" is reached quickly.
/// </summary>
public sealed class ColdInstanceFactory : GatedStorageAppFactory
{
    public ColdInstanceFactory(string? emergencyRoute = null)
    {
        Settings["CallPipeline:TwilioOwnerBudget"] = "00:00:01.5";
        Settings["CallPipeline:AcsOwnerBudget"] = "00:00:01.5";
        if (emergencyRoute is not null)
        {
            Settings["EmergencyRoute:Destinations"] = emergencyRoute;
            Settings["EmergencyRoute:Announcement"] = "Connecting you to our emergency line.";
        }
    }
}
