using Smartnumbers.Core.Configuration;

namespace Smartnumbers.Core.Tests.Configuration;

public sealed class ConfigurationDefaultsTests
{
    [Fact]
    public void A_site_is_marked_down_after_three_failures_and_up_after_two_successes_by_default()
    {
        var site = new Site { Name = "Leeds" };

        Assert.Equal(3, site.DownAfter);
        Assert.Equal(2, site.UpAfter);
    }

    [Fact]
    public void At_most_five_plans_can_be_loaded()
    {
        Assert.Equal(5, DialPlanState.MaxLoaded);
    }
}
