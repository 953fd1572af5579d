using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity.UI.Services;

namespace ConferenceApp.Infrastructure.Email;

/// <summary>
/// Sends the Identity UI's account messages (password reset, email change) through the app's
/// <see cref="EmailSender"/>. The Identity UI writes HTML with the link already encoded; the
/// plain-text part is the text of that HTML.
/// </summary>
public sealed class IdentityEmailSender(EmailSender sender) : IEmailSender
{
    public Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        var document = new HtmlParser().ParseDocument($"<body>{htmlMessage}</body>");
        var links = document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href"));
        var text = document.Body!.TextContent.Trim() + "\n\n" + string.Join("\n", links);

        return sender.SendAsync(new EmailMessage(email, null, subject, text, htmlMessage), CancellationToken.None);
    }
}
