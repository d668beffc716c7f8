using Smartnumbers.Functions.CallRecords;

namespace Smartnumbers.Functions.Tests.CallRecords;

/// <summary>The spill folder's event count (what /api/health reports as onDisk) follows appends, claims and replays.</summary>
public sealed class CallRecordSpillTests
{
    private static CallEnded Ended(int i) => CallRecordFixture.Ended("CAspill" + i, DateTimeOffset.UnixEpoch.AddDays(20_000 + i));

    [Fact]
    public void The_count_follows_appends_claims_dead_letters_and_replayed_files()
    {
        var folder = CallRecordFixture.NewSpillFolder();
        using var spill = new CallRecordSpill(folder);

        spill.Append([Ended(1), Ended(2), Ended(3)]);
        Assert.Equal((3, 0), spill.Count());
        spill.Append([Ended(4), Ended(5)]);
        Assert.Equal((5, 0), spill.Count());

        var claimed = Assert.Single(spill.Claim(includeAbandoned: false));
        spill.Append([Ended(6)]);
        spill.DeadLetter(Ended(7));
        Assert.Equal((6, 1), spill.Count());
        Assert.Equal(5, CallRecordSpill.Read(claimed).Count());

        File.Delete(claimed); // Replayed.
        Assert.Equal((1, 1), spill.Count());
    }
}
