using Microsoft.Extensions.Options;
using Smartnumbers.Functions.Storage;

namespace Smartnumbers.Functions.Notifications;

/// <summary>The "notifications" block of GET /api/health: pending and failed entries as of the latest delivery pass.</summary>
internal sealed class NotificationHealth(IOptions<NotificationOptions> options) : IHealthBlock
{
    private NotificationFigures? _latest;

    public string Name => "notifications";

    public void Update(NotificationFigures figures) => _latest = figures;

    public object Describe() => _latest ?? new NotificationFigures(0, 0, options.Value.EmailConfigured);
}
