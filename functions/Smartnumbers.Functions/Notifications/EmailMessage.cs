namespace Smartnumbers.Functions.Notifications;

/// <summary>The body of ACS Email's <c>POST /emails:send</c>.</summary>
public sealed record EmailMessage(string SenderAddress, EmailMessage.MessageContent Content, EmailMessage.MessageRecipients Recipients)
{
    public sealed record MessageContent(string Subject, string PlainText);

    public sealed record MessageRecipients(IReadOnlyList<EmailAddress> To);

    public sealed record EmailAddress(string Address);
}
