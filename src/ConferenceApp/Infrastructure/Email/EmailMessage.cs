namespace ConferenceApp.Infrastructure.Email;

/// <summary>One message to one recipient, with a plain-text body, an HTML body of the same content, and optional attachments.</summary>
/// <param name="HtmlBody">HTML that the caller has already encoded or sanitized.</param>
/// <param name="Attachments">Files sent with the message, in order; none when null.</param>
public sealed record EmailMessage(
    string ToAddress,
    string? ToName,
    string Subject,
    string TextBody,
    string HtmlBody,
    IReadOnlyList<EmailAttachment>? Attachments = null)
{
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = Attachments ?? [];
}

/// <summary>A file attached to an <see cref="EmailMessage"/>.</summary>
/// <param name="FileName">The file name shown to the recipient, such as "moved-talks.ics".</param>
/// <param name="MediaType">The MIME type with its parameters, such as "text/calendar; charset=utf-8; method=PUBLISH".</param>
public sealed record EmailAttachment(string FileName, string MediaType, byte[] Content);
