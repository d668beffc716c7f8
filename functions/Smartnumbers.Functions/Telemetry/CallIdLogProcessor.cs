using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Smartnumbers.Functions.Telemetry;

/// <summary>
/// Puts the call id of the current span (or its nearest parent) on every log record written while a call's webhook is
/// handled, as the attribute <c>smartnumbers.call_id</c>. Registered before the exporters, so they see it.
/// </summary>
internal sealed class CallIdLogProcessor : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        if (CallSpan.FindCallId(Activity.Current) is not { } id)
        {
            return;
        }

        var existing = data.Attributes;
        var attributes = new List<KeyValuePair<string, object?>>((existing?.Count ?? 0) + 1);
        if (existing is not null)
        {
            attributes.AddRange(existing);
        }

        attributes.Add(new KeyValuePair<string, object?>(CallSpan.CallIdTag, id));
        data.Attributes = attributes;
    }
}
