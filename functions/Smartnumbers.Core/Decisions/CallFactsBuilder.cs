using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Core.Numbers;
using Smartnumbers.Core.Routing;

namespace Smartnumbers.Core.Decisions;

/// <summary>Parses each number of a call once and gathers what screening, Call DNA and routing read.</summary>
internal static class CallFactsBuilder
{
    public static CallFacts Build(AccountSnapshot snapshot, InboundCall call, CallerHistory history)
    {
        var index = SnapshotIndex.For(snapshot);
        var calledText = call.CalledNumber ?? "";
        string? key = null;
        NumberConfig? number = null;
        ParsedNumber called;
        if (snapshot.Numbers.TryGetValue(calledText, out number) && number is not null)
        {
            key = calledText;
            called = index.Numbers.TryGetValue(calledText, out var known) ? known : PhoneNumberParser.Parse(calledText, index.HomeRegion);
        }
        else
        {
            called = PhoneNumberParser.Parse(calledText, index.HomeRegion);
            if (called.E164 is not null && snapshot.Numbers.TryGetValue(called.E164, out number) && number is not null)
            {
                key = called.E164;
            }
        }
        var presentation = PhoneNumberParser.Parse(call.PresentationNumber, index.HomeRegion);
        var network = call.NetworkNumber == call.PresentationNumber
            ? presentation
            : PhoneNumberParser.Parse(call.NetworkNumber, index.HomeRegion);
        var zone = TimeZones.Find(number?.TimeZone) ?? index.AccountZone;
        return new CallFacts
        {
            Call = call,
            History = history,
            Index = index,
            Snapshot = snapshot,
            CalledKey = key,
            Number = number,
            Called = called,
            Presentation = presentation,
            Network = network,
            BlockMatch = index.Block.Match(call.Withheld, presentation.E164, network.E164),
            Zone = zone,
            LocalTime = zone is null ? call.ArrivedAt.ToUniversalTime() : TimeZoneInfo.ConvertTime(call.ArrivedAt, zone),
        };
    }
}
