using System.Diagnostics;
using System.Globalization;
using Smartnumbers.Core.Configuration;
using Smartnumbers.Functions.Accounts;
using Smartnumbers.Functions.Tests.Accounts;
using Smartnumbers.Functions.Tests.Acs;
using Smartnumbers.Functions.Tests.Admin;
using Smartnumbers.Functions.Tests.Infrastructure;
using Smartnumbers.Functions.Tests.Twilio;
using Xunit.Abstractions;

namespace Smartnumbers.Functions.Tests.Chaos;

/// <summary>
/// Fuzzed requests over every Twilio route (validly signed), /api/acs/incoming (with the Event Grid secret),
/// /api/acs/callbacks (with a valid token) and the admin API (with a valid key). None may answer a 5xx other than the
/// deliberate 503 of /api/acs/incoming. The seed is fixed and printed; SMARTNUMBERS_FUZZ_REQUESTS and
/// SMARTNUMBERS_FUZZ_SEED run it longer or with another seed.
/// </summary>
[Collection(ChaosCollection.Name)]
public sealed class FuzzTests(FuzzAppFactory factory, ITestOutputHelper output) : IClassFixture<FuzzAppFactory>
{
    public const int DefaultSeed = 20261130;
    public const int DefaultRequests = 10_000;
    private const int Parallel = 8;

    [Fact]
    public async Task Fuzzed_requests_to_every_route_never_get_a_server_error()
    {
        var seed = Setting("SMARTNUMBERS_FUZZ_SEED", DefaultSeed);
        var requests = Setting("SMARTNUMBERS_FUZZ_REQUESTS", DefaultRequests);
        var targets = await SetUpAsync();
        var cases = Generate(seed, requests, targets, factory.CallbackToken);
        var tally = new FuzzTally();
        using var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);

        var clock = Stopwatch.StartNew();
        await System.Threading.Tasks.Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (c, ct) =>
        {
            using var request = c.Build();
            try
            {
                using var response = await client.SendAsync(request, ct);
                await response.Content.ReadAsByteArrayAsync(ct);
                tally.Add(c, (int)response.StatusCode);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                tally.Add(c, ex);
            }
        });

        var summary = tally.Summary(seed, clock.Elapsed, Parallel);
        output.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.Equal(requests, tally.Total);
        Assert.True(tally.Failures.IsEmpty, summary + Environment.NewLine + tally.FailureReport());
    }

    private static List<FuzzCase> Generate(int seed, int count, FuzzTargets targets, Func<string> callbackToken)
    {
        var random = new Random(seed);
        var text = new FuzzText(random);
        var twilio = new TwilioFuzzCases(random, text, targets);
        var acs = new AcsFuzzCases(random, text, targets, callbackToken);
        var admin = new AdminFuzzCases(random, text, targets);
        var cases = new List<FuzzCase>(count);
        for (var i = 0; i < count; i++)
        {
            cases.Add(random.Next(100) switch
            {
                < 24 => twilio.Voice(),
                < 34 => twilio.DialResult(),
                < 44 => twilio.Status(),
                < 54 => twilio.Ivr(),
                < 70 => acs.Incoming(),
                < 80 => acs.Callback(),
                _ => admin.Next(),
            });
        }

        return cases;
    }

    /// <summary>The call account's numbers, links harvested from real calls to them, and an admin account.</summary>
    private async Task<FuzzTargets> SetUpAsync()
    {
        var documents = await TestAccounts.DocumentsAsync(factory);
        var account = SmartnumbersAppFactory.NewAccountId("fuzz");
        Assert.Equal(WriteOutcome.Done, (await documents.PutAccountAsync(account, new AccountSettings { Name = "Fuzz" }, null, TestAccounts.Actor, default)).Outcome);
        var twoSteps = new Route { Steps = [new RouteStep { Destinations = ["+441134960000"], RingSeconds = 20 }, new RouteStep { Destinations = ["+442079460000", "+442079460001"], RingSeconds = 20 }] };
        var configs = new[]
        {
            new NumberConfig { Route = TestAccounts.RouteTo("+441134960000") },
            new NumberConfig { Route = twoSteps },
            new NumberConfig { Route = twoSteps, Fraud = new FraudPolicy { Enabled = true, Threshold = 0, MaxDivertsPerHour = 5, HighRiskRoute = TestAccounts.RouteTo("+441134960099") } },
            new NumberConfig { Route = TestAccounts.RouteTo("+441134960000"), ControlLine = true },
        };
        var numbers = new List<string>();
        foreach (var config in configs)
        {
            var number = TestAccounts.NewNumber();
            Assert.Equal(WriteOutcome.Done, (await documents.PutNumberAsync(account, number, config, null, TestAccounts.Actor, default)).Outcome);
            numbers.Add(number);
        }

        var calls = new TwilioCalls(factory);
        var actions = new List<string>();
        foreach (var number in numbers.Take(3))
        {
            var (_, twiml, _) = await calls.CallAsync(TwilioCalls.GenuineCaller, to: number);
            actions.AddRange(twiml.Descendants("Dial").Select(d => (string?)d.Attribute("action")).OfType<string>());
        }

        var acs = new AcsTestClient(factory);
        var callbacks = new List<string>();
        foreach (var number in new[] { numbers[1], numbers[3] })
        {
            var (response, context) = await acs.IncomingCallAsync(number, TwilioCalls.GenuineCaller);
            response.EnsureSuccessStatusCode();
            callbacks.AddRange(acs.RequestsFor(context).Where(r => r.Operation == "answer")
                .Select(r => new Uri(r.Json!["callbackUri"]!.GetValue<string>()).PathAndQuery));
        }

        Assert.NotEmpty(actions);
        Assert.Equal(2, callbacks.Count);
        var admin = await AdminTestClient.CreateAsync(factory);
        return new FuzzTargets(numbers, numbers[3], actions, callbacks, admin.Account);
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
