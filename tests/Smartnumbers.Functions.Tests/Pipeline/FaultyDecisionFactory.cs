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
        ConfigureTestServices.Add(s => s.AddSingleton<ICallCounters>(sp => new FiguresThatThrow(sp.GetRequiredService<TableCallCounters>())));
    }

    private sealed class FiguresThatThrow(ICallCounters real) : ICallCounters
    {
        public Task<CallerHistory> GetHistoryAsync(string accountId, string? caller, string calledNumber, DateTimeOffset at, bool withheldToNumber = true, CancellationToken cancellationToken = default) =>
            real.GetHistoryAsync(accountId, caller, calledNumber, at, withheldToNumber, cancellationToken);

        public Task<StoredCounters> ReadStoredAsync(string accountId, string? caller, string calledNumber, DateTimeOffset at, bool withheldToNumber = true, CancellationToken cancellationToken = default) =>
            real.ReadStoredAsync(accountId, caller, calledNumber, at, withheldToNumber, cancellationToken);

        public CallerHistory Figures(StoredCounters stored, DateTimeOffset at) => throw new InvalidOperationException("figures broken for the test");

        public void Count(CallCount call) => real.Count(call);

        public Task FlushAsync(string? deadLetters = null, CancellationToken cancellationToken = default) => real.FlushAsync(deadLetters, cancellationToken);

        public CounterBacklog Backlog(string folder) => real.Backlog(folder);

        public int SaveUnwritten(string folder) => real.SaveUnwritten(folder);

        public Task ReplaySavedAsync(string folder, CancellationToken cancellationToken = default) => real.ReplaySavedAsync(folder, cancellationToken);

        public Task RecordLabelAsync(string accountId, string caller, bool fraud, CancellationToken cancellationToken = default) =>
            real.RecordLabelAsync(accountId, caller, fraud, cancellationToken);
    }
}
