using Microsoft.Extensions.DependencyInjection;
using Smartnumbers.Functions.Counters;
using Smartnumbers.Functions.Tests.Infrastructure;

namespace Smartnumbers.Functions.Tests.Pipeline;

/// <summary>The app with a fault in the middle of every decision: the caller's velocity figures throw.</summary>
public sealed class FaultyDecisionFactory : SmartnumbersAppFactory
{
    public FaultyDecisionFactory()
    {
        Settings["CallRecords:SpillFolder"] = CallRecords.CallRecordFixture.NewSpillFolder();
        ConfigureTestServices.Add(s => s.AddSingleton<ICallerHistory>(sp => new FiguresThatThrow(ActivatorUtilities.CreateInstance<CallerHistoryReader>(sp))));
    }

    private sealed class FiguresThatThrow(ICallerHistory real) : ICallerHistory
    {
        public Task<StoredCounters> ReadAsync(string accountId, string? caller, string calledNumber, DateTimeOffset at, bool withheldToNumber = true, CancellationToken cancellationToken = default) =>
            real.ReadAsync(accountId, caller, calledNumber, at, withheldToNumber, cancellationToken);

        public CallerHistory Figures(StoredCounters stored, DateTimeOffset at) => throw new InvalidOperationException("figures broken for the test");
    }
}
