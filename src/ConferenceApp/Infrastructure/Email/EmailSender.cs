using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ConferenceApp.Infrastructure.Email;

/// <summary>
/// Sends email through SMTP with MailKit. When no SMTP host is configured, it writes each
/// message as an .eml file to the pickup folder and logs the file's path, so flows that send
/// mail work and can be tested without a mail server.
/// </summary>
public sealed class EmailSender(IOptions<EmailOptions> options, IHostEnvironment environment, ILogger<EmailSender> logger)
{
    private readonly EmailOptions _options = options.Value;

    /// <summary>Sends or stores <paramref name="message"/>. Throws when the SMTP server rejects it or cannot be reached.</summary>
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var mime = Build(message);

        if (string.IsNullOrWhiteSpace(_options.SmtpHost))
        {
            var path = await WriteToPickupFolderAsync(mime, cancellationToken);
            logger.LogInformation("No SMTP host is configured; wrote the message \"{Subject}\" for {Recipient} to {Path}",
                message.Subject, message.ToAddress, path);
            return;
        }

        using var client = new SmtpClient();
        var security = _options.SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;
        await client.ConnectAsync(_options.SmtpHost, _options.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(_options.SmtpUser))
        {
            await client.AuthenticateAsync(_options.SmtpUser, _options.SmtpPassword ?? "", cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("Sent the message \"{Subject}\" to {Recipient} through {SmtpHost}", message.Subject, message.ToAddress, _options.SmtpHost);
    }

    /// <summary>Returns the absolute path of the pickup folder.</summary>
    public string PickupFolderPath =>
        Path.IsPathRooted(_options.PickupFolder)
            ? _options.PickupFolder
            : Path.GetFullPath(Path.Combine(environment.ContentRootPath, _options.PickupFolder));

    private MimeMessage Build(EmailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(_options.FromName, _options.From));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.ToAddress));
        mime.Subject = message.Subject;

        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments)
        {
            var part = (MimePart)body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.MediaType));

            // Base64 keeps the bytes exact. A text attachment sent as 7bit or quoted-printable
            // would get the line endings of the writer, and iCalendar requires CRLF.
            part.ContentTransferEncoding = ContentEncoding.Base64;
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    private async Task<string> WriteToPickupFolderAsync(MimeMessage mime, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(PickupFolderPath).FullName;

        // The time stamp sorts the files in sending order; the GUID keeps names unique.
        var name = $"{DateTime.UtcNow:yyyyMMdd'T'HHmmssfff'Z'}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(folder, name);
        await using var file = File.Create(path);
        await mime.WriteToAsync(file, cancellationToken);
        return path;
    }
}
