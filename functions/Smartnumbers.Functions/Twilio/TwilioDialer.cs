using System.Globalization;
using Microsoft.Extensions.Options;
using Smartnumbers.Core.Calls;
using Smartnumbers.Core.Decisions;
using Smartnumbers.Core.Screening;
using Smartnumbers.Functions.Twilio.Twiml;

namespace Smartnumbers.Functions.Twilio;

/// <summary>
/// Renders route steps as &lt;Dial&gt; verbs and decides what follows a dialled step (Twilio's failover pattern): the
/// step's destinations as &lt;Number&gt; / &lt;Sip&gt; nouns (SIP ones carrying X-Smartnumbers-Risk and
/// X-Smartnumbers-Tags), answerOnBridge so the caller keeps hearing ringing, and a signed action URL for the next step.
/// </summary>
public sealed class TwilioDialer
{
    public const string RiskHeader = "X-Smartnumbers-Risk";
    public const string TagsHeader = "X-Smartnumbers-Tags";
    public const string IvrPath = "/api/twilio/ivr";
    public const string Apology = DefaultAnnouncements.Unavailable;
    private readonly TwilioOptions _options;
    private readonly DialResultLink? _link;

    public TwilioDialer(IOptions<TwilioOptions> options)
    {
        _options = options.Value;
        _link = string.IsNullOrEmpty(_options.AuthToken) ? null : new DialResultLink(_options.AuthToken, _options.PublicBaseUrl);
    }

    /// <summary>Signs and reads action URLs; null when no auth token is configured (every Twilio endpoint then answers 403).</summary>
    public DialResultLink? Link => _link;

    /// <summary>Appends &lt;Say&gt; in the configured voice and language.</summary>
    public TwimlResponse Say(TwimlResponse twiml, string text) => twiml.Say(text, _options.Voice, _options.Language);

    /// <summary>
    /// The reply to a decided call: reject → &lt;Reject reason="busy"|"rejected"&gt; as the first verb, or &lt;Say&gt;
    /// + &lt;Hangup/&gt; for an announcement; connect → the route's announcement, then the first step's &lt;Dial&gt;
    /// (the dial-in line is answered by the IVR before this is reached).
    /// </summary>
    public TwimlResponse Render(RoutingDecision decision, string accountId, InboundCall call)
    {
        var twiml = new TwimlResponse();
        if (decision.Action == DecisionAction.Reject)
        {
            return decision.RejectMode switch
            {
                RejectMode.Busy => twiml.Reject(TwimlRejectReason.Busy),
                RejectMode.Unallocated => twiml.Reject(TwimlRejectReason.Rejected),
                _ => Say(twiml, string.IsNullOrWhiteSpace(decision.Announcement) ? DefaultAnnouncements.Blocked : decision.Announcement).Hangup(),
            };
        }

        if (!string.IsNullOrWhiteSpace(decision.Announcement))
        {
            Say(twiml, decision.Announcement);
        }

        return Connect(twiml, new DialResultState(accountId, call.CalledNumber, call.CallId, call.ArrivedAt, 0, DialSequence.From(decision)));
    }

    /// <summary>The first step's &lt;Dial&gt;, or with no step the closing words (if any) and &lt;Hangup/&gt;.</summary>
    public TwimlResponse Connect(TwimlResponse twiml, DialResultState first)
    {
        if (first.Sequence.Steps.Count == 0)
        {
            if (!string.IsNullOrWhiteSpace(first.Sequence.Closing))
            {
                Say(twiml, first.Sequence.Closing);
            }

            return twiml.Hangup();
        }

        return DialStep(twiml, first with { Step = 0 });
    }

    /// <summary>Appends the &lt;Dial&gt; of <paramref name="state"/>'s current step.</summary>
    public TwimlResponse DialStep(TwimlResponse twiml, DialResultState state)
    {
        var step = state.Sequence.Steps[state.Step];
        var headers = SipHeaders(state.Sequence);
        var attributes = new DialAttributes
        {
            Action = _link?.Create(state),
            Method = _link is null ? null : "POST",
            Timeout = Math.Clamp(step.RingSeconds, 5, 600),
            AnswerOnBridge = true,
        };
        return twiml.Dial(attributes, dial =>
        {
            foreach (var destination in step.Destinations)
            {
                if (IsSip(destination))
                {
                    dial.Sip(destination, headers);
                }
                else
                {
                    dial.Number(destination);
                }
            }
        });
    }

    /// <summary>What follows a dialled step that ended with <paramref name="dialCallStatus"/>.</summary>
    public TwimlResponse AfterStep(DialResultState state, string? dialCallStatus)
    {
        var twiml = new TwimlResponse();
        if (dialCallStatus is "completed" or "answered" or "canceled")
        {
            return twiml.Hangup();
        }

        // busy, no-answer, failed (or anything Twilio adds later): the next step, else the closing words.
        if (state.Step + 1 < state.Sequence.Steps.Count)
        {
            return DialStep(twiml, state with { Step = state.Step + 1 });
        }

        if (!string.IsNullOrWhiteSpace(state.Sequence.Closing))
        {
            Say(twiml, state.Sequence.Closing);
        }

        return twiml.Hangup();
    }

    public static bool IsSip(string destination) =>
        destination.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) || destination.StartsWith("sips:", StringComparison.OrdinalIgnoreCase);

    private static List<KeyValuePair<string, string>>? SipHeaders(DialSequence sequence)
    {
        if (sequence.RiskScore is null && sequence.Tags is not { Count: > 0 })
        {
            return null;
        }

        var headers = new List<KeyValuePair<string, string>>(2);
        if (sequence.RiskScore is { } score)
        {
            headers.Add(new(RiskHeader, score.ToString(CultureInfo.InvariantCulture)));
        }

        if (sequence.Tags is { Count: > 0 } tags)
        {
            headers.Add(new(TagsHeader, string.Join(',', tags)));
        }

        return headers;
    }
}
