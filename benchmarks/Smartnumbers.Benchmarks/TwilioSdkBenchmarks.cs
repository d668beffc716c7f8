using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Primitives;
using Smartnumbers.Functions.Twilio;
using Smartnumbers.Functions.Twilio.Twiml;
using Twilio.Security;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace Smartnumbers.Benchmarks;

/// <summary>
/// The two things the Twilio SDK could take over on the call path, ours against its, on the same signed voice webhook:
/// checking X-Twilio-Signature, and writing the &lt;Dial&gt; answer. Each pair must agree (checked in the setup).
/// </summary>
[MemoryDiagnoser]
public class TwilioSdkBenchmarks
{
    private const string Token = "12345678901234567890123456789012";
    private const string Url = "https://smartnumbers.example/api/twilio/voice";
    private readonly Dictionary<string, StringValues> _form = TwilioSdkFixture.Form();
    private readonly Dictionary<string, string> _sdkForm = TwilioSdkFixture.Form().ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
    private readonly RequestValidator _validator = new(Token);
    private readonly string[] _destinations = ["+441134960000", "+441614960000"];
    private readonly string _signature;

    public TwilioSdkBenchmarks() => _signature = TwilioSignature.Compute(Token, Url, _form);

    [GlobalSetup]
    public void Setup()
    {
        if (!OursValid() || !SdkValid())
        {
            throw new InvalidOperationException("setup: the signature does not validate with both implementations");
        }

        if (!OursDial().Contains("<Number>+441134960000</Number>", StringComparison.Ordinal) || !SdkDial().Contains("<Number>+441134960000</Number>", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("setup: a <Dial> answer lacks its number");
        }
    }

    [Benchmark(Baseline = true)]
    public bool OursValid() => TwilioSignature.IsValid(Token, _signature, Url, _form);

    [Benchmark]
    public bool SdkValid() => _validator.Validate(Url, _sdkForm, _signature);

    [Benchmark]
    public string OursDial() => new TwimlResponse()
        .Dial(new DialAttributes { Timeout = 20, Action = TwilioSdkFixture.Action }, d => d.Number(_destinations[0]).Number(_destinations[1]))
        .ToXml();

    [Benchmark]
    public string SdkDial()
    {
        var dial = new Dial(timeout: 20, action: new Uri(TwilioSdkFixture.Action));
        dial.Number(_destinations[0]).Number(_destinations[1]);
        return new VoiceResponse().Append(dial).ToString();
    }
}
