namespace Smartnumbers.ModelEval.Tests;

[Collection(DocumentedSetCollection.Name)]
public sealed class EvaluationSetGeneratorTests(DocumentedSet set)
{
    private static readonly EvaluationSetOptions Week = new() { Days = 7 };

    [Fact]
    public void The_same_seed_gives_the_same_calls_and_another_seed_other_calls()
    {
        var first = EvaluationSetGenerator.Generate(Week);
        var again = EvaluationSetGenerator.Generate(Week);
        var other = EvaluationSetGenerator.Generate(Week with { Seed = 7 });

        Assert.Equal(first.Select(Fingerprint), again.Select(Fingerprint));
        Assert.NotEqual(first.Select(Fingerprint), other.Select(Fingerprint));
    }

    [Fact]
    public void Calls_come_in_time_order_each_with_its_numbers_own_threshold()
    {
        Assert.Equal(set.Calls.OrderBy(c => c.At).Select(c => c.Call.CallId), set.Calls.Select(c => c.Call.CallId));
        Assert.All(set.Calls, c => Assert.Equal(EvaluationAccount.Snapshot.Numbers[c.CalledNumber].Fraud!.Threshold, c.Threshold));
        Assert.True(set.Calls.Select(c => c.Threshold).Distinct().Count() >= 3, "the numbers should not share one threshold");
        Assert.All(EvaluationAccount.AllNumbers, n => Assert.Contains(set.Calls, c => c.CalledNumber == n));
    }

    [Fact]
    public void Fraud_share_and_pattern_shares_are_the_documented_ones()
    {
        var options = new EvaluationSetOptions();
        var fraud = set.Calls.Count(c => c.Fraud);

        Assert.Equal(options.FraudShare, (double)fraud / set.Calls.Count, 3);
        foreach (var (pattern, share) in options.FraudMix)
        {
            Assert.Equal(share, (double)set.Of(pattern).Count() / fraud, 2);
        }
    }

    [Fact]
    public void Genuine_caller_mix_and_repeat_callers_match_the_documented_distributions()
    {
        var options = new EvaluationSetOptions();
        var genuine = set.Calls.Where(c => !c.Fraud).ToArray();

        foreach (var (pattern, share) in options.GenuineMix)
        {
            var measured = (double)genuine.Count(c => c.Pattern == pattern) / genuine.Length;
            Assert.True(Math.Abs(measured - share) < 0.02, $"{pattern}: {measured:0.000} of genuine calls, documented {share}");
        }
        // A session is a repeat caller's with the documented chance; redials (1–3, one in ten 4–7) are repeats too.
        var redialsPerSession = options.RedialShare * ((0.9 * 2) + (0.1 * 5.5));
        var expected = (options.RepeatCallerShare + redialsPerSession) / (1 + redialsPerSession);
        var repeat = (double)genuine.Count(c => c.RepeatCaller) / genuine.Length;
        Assert.True(Math.Abs(repeat - expected) < 0.02, $"repeat callers: {repeat:0.000} of genuine calls, expected {expected:0.000}");
    }

    [Fact]
    public void Genuine_callers_present_valid_numbers_that_are_not_the_accounts()
    {
        var presented = set.Calls.Where(c => !c.Fraud && !c.Call.Withheld).ToArray();

        Assert.NotEmpty(presented);
        Assert.All(presented, c => Assert.Equal(0, c.Attributes["presentationInvalid"]));
        Assert.All(presented, c => Assert.Equal(0, c.Attributes["ukDramaRange"]));
        Assert.All(presented, c => Assert.Equal(0, c.Attributes["callerIsCalledNumber"] + c.Attributes["callerIsAccountNumber"]));
    }

    [Fact]
    public void Calls_of_the_accounts_own_numbers_carry_the_spoofing_attributes()
    {
        Assert.All(set.Of(CallPattern.SpoofedOwnNumber), c => Assert.True(
            c.Attributes["callerIsCalledNumber"] + c.Attributes["callerIsAccountNumber"] + c.Attributes["neighbourSpoof"] >= 1,
            $"{c.Call.PresentationNumber} → {c.CalledNumber}"));
        Assert.Contains(set.Of(CallPattern.SpoofedOwnNumber), c => c.Attributes["callerIsCalledNumber"] == 1);
        Assert.Contains(set.Of(CallPattern.SpoofedOwnNumber), c => c.Attributes["callerIsAccountNumber"] == 1);
        Assert.All(set.Of(CallPattern.SpoofedOwnNumber), c => Assert.Contains("spoofed", c.Risk.Tags));
    }

    [Fact]
    public void Unverified_stir_calls_reach_the_us_number_with_gateway_failed_or_no_validation()
    {
        Assert.All(set.Of(CallPattern.StirUnverified), c =>
        {
            Assert.Equal(EvaluationAccount.UsBranch, c.CalledNumber);
            Assert.Equal(1, c.Attributes["stirPassedC"] + c.Attributes["stirFailed"] + c.Attributes["stirNoValidation"]);
        });
        Assert.Contains(set.Of(CallPattern.StirUnverified), c => c.Attributes["stirFailed"] == 1);
        // Genuine US customers mostly pass with full attestation.
        var us = set.Of(CallPattern.GenuineUsCustomer).ToArray();
        Assert.True(us.Count(c => c.Attributes["stirPassedA"] == 1) > us.Length / 2);
    }

    [Fact]
    public void Voip_calls_present_a_voip_range_or_a_sip_uri()
    {
        Assert.All(set.Of(CallPattern.VoipRange), c =>
            Assert.True(c.Attributes["typeVoip"] == 1 || (c.Attributes["callerSipUri"] == 1 && c.Attributes["sipSourceIp"] == 1), c.Call.RawFrom));
        Assert.Contains(set.Of(CallPattern.VoipRange), c => c.Attributes["callerSipUri"] == 1);
        Assert.All(set.Of(CallPattern.VoipRange).Where(c => c.Attributes["typeVoip"] == 1), c => Assert.Contains("voip", c.Risk.Tags));
    }

    [Fact]
    public void Premium_and_high_cost_calls_present_premium_or_foreign_numbers()
    {
        var calls = set.Of(CallPattern.PremiumOrHighCost).ToArray();

        Assert.All(calls, c => Assert.True(
            c.Attributes["typePremiumRate"] + c.Attributes["ukRevenueShare"] + c.Attributes["callerInternational"] + c.Attributes["callerNonGeographicNetwork"] >= 1,
            c.Call.RawFrom));
        Assert.Contains(calls, c => c.Attributes["uk09"] == 1);
        Assert.Contains(calls, c => c.Attributes["ukRevenueShare"] == 1);
        Assert.Contains(calls, c => c.Attributes["callerNonGeographicNetwork"] == 1);
        Assert.Contains(calls, c => c.Attributes["callerInternational"] == 1);
    }

    [Fact]
    public void Bursts_raise_the_velocity_attributes_from_the_counters()
    {
        var presented = set.Of(CallPattern.Burst).Where(c => !c.Call.Withheld).ToArray();
        var withheld = set.Of(CallPattern.Burst).Where(c => c.Call.Withheld).ToArray();

        // Production reads the attribute from the counters; the generator's counters are what raise it.
        Assert.All(presented, c => Assert.Equal(c.History.CallsFromCallerLastHour >= 5 ? 1 : 0, c.Attributes["burstCaller"]));
        Assert.True(presented.Count(c => c.Attributes["burstCaller"] == 1) > presented.Length / 4, "few burst calls reached five an hour");
        Assert.True(presented.Count(c => c.Attributes["callsLastDay"] > 0) > presented.Length * 3 / 4);
        Assert.NotEmpty(withheld);
        Assert.True(withheld.Count(c => c.Attributes["withheldToNumberLastHour"] > 0) > withheld.Length / 2);
        // Genuine callers who redial now and then stay below the burst line almost always.
        var genuine = set.Calls.Where(c => !c.Fraud).ToArray();
        Assert.True(genuine.Count(c => c.Attributes["burstCaller"] == 1) < genuine.Length / 200);
    }

    [Fact]
    public void Sequential_campaigns_present_consecutive_caller_ids()
    {
        var ids = set.Of(CallPattern.SequentialIds).Select(c => long.Parse(c.Call.PresentationNumber!.TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

        var withNeighbour = ids.Count(id => ids.Contains(id - 1) || ids.Contains(id + 1));
        Assert.True(withNeighbour >= ids.Count * 0.95, $"{withNeighbour} of {ids.Count} caller IDs have a consecutive one");
        Assert.All(set.Of(CallPattern.SequentialIds), c => Assert.True(c.History.CallsFromCallerLastDay < 3));
    }

    [Fact]
    public void Operators_labels_reach_later_calls_only_after_a_delay()
    {
        var delay = new EvaluationSetOptions().FraudLabelDelayHours.Min;
        var firstByCaller = set.Calls.Where(c => c.Fraud && c.Call.PresentationNumber is not null)
            .GroupBy(c => c.Call.PresentationNumber).Select(g => g.First()).ToDictionary(c => c.Call.PresentationNumber!, c => c.At);

        Assert.All(set.Calls.Where(c => c.History.PriorFraudLabels > 0 && firstByCaller.ContainsKey(c.Call.PresentationNumber!)),
            c => Assert.True(c.At - firstByCaller[c.Call.PresentationNumber!] >= TimeSpan.FromHours(delay)));
        Assert.Contains(set.Calls, c => c.Attributes["knownBadActor"] == 1);
    }

    private static string Fingerprint(EvaluationCall c) =>
        $"{c.At:O} {c.CalledNumber} {c.Pattern} {c.Call.RawFrom} {string.Join(",", c.Attributes.Select(a => $"{a.Key}={a.Value:R}"))}";
}
