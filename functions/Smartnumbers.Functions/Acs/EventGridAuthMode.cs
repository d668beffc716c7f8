namespace Smartnumbers.Functions.Acs;

/// <summary>How deliveries to /api/acs/incoming are authenticated.</summary>
public enum EventGridAuthMode
{
    /// <summary>The <c>secret</c> query parameter must match one of <see cref="AcsOptions.EventGridSecret"/>.</summary>
    Secret,
    /// <summary>An Entra bearer token issued to Event Grid for <see cref="AcsOptions.EventGridAudience"/>.</summary>
    Entra,
    /// <summary>Both the secret and the Entra token are required.</summary>
    Both,
}
