namespace Smartnumbers.Functions.Notifications;

/// <summary>What ACS Email answers when its operation is polled: status NotStarted, Running, Succeeded, Failed or Canceled.</summary>
public sealed record EmailOperation(string? Id, string? Status, EmailOperation.OperationError? Error)
{
    public sealed record OperationError(string? Code, string? Message);

    public bool Succeeded => string.Equals(Status, "Succeeded", StringComparison.OrdinalIgnoreCase);

    public bool Finished => Succeeded || string.Equals(Status, "Failed", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Status, "Canceled", StringComparison.OrdinalIgnoreCase);
}
