namespace ConferenceApp.Infrastructure.Email;

/// <summary>One message to one recipient, with a plain-text body and an HTML body of the same content.</summary>
/// <param name="HtmlBody">HTML that the caller has already encoded or sanitized.</param>
public sealed record EmailMessage(string ToAddress, string? ToName, string Subject, string TextBody, string HtmlBody);
