using System.Diagnostics;
using OpenTelemetry;

namespace Smartnumbers.Functions.Telemetry;

/// <summary>
/// Puts the call id of the webhook's server span on its child spans (HttpClient, Azure SDK, timers): at start when the
/// parent already has it, else at end. Registered before the exporters, so they see the tag.
/// </summary>
internal sealed class CallIdSpanProcessor : BaseProcessor<Activity>
{
    public override void OnStart(Activity data) => Copy(data);

    public override void OnEnd(Activity data) => Copy(data);

    private static void Copy(Activity span)
    {
        if (span.Parent is null || span.GetTagItem(CallSpan.CallIdTag) is not null)
        {
            return;
        }

        if (CallSpan.FindCallId(span.Parent) is { } id)
        {
            span.SetTag(CallSpan.CallIdTag, id);
        }
    }
}
