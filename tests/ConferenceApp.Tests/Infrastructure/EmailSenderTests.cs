using ConferenceApp.Infrastructure.Email;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ConferenceApp.Tests.Infrastructure;

public sealed class EmailSenderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "conferenceapp-mail-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Without_smtp_writes_eml_file()
    {
        var sender = new EmailSender(
            Options.Create(new EmailOptions { From = "program@example.org", FromName = "WiDS TLV 2023", PickupFolder = _folder }),
            new TestEnvironment(),
            NullLogger<EmailSender>.Instance);

        await sender.SendAsync(
            new EmailMessage("almog@example.org", "Almog Gueta", "Your invitation to WiDS TLV 2023", "Plain “text”", "<p>HTML “text”</p>"),
            CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(_folder, "*.eml"));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("Your invitation to WiDS TLV 2023", message.Subject);
        Assert.Equal("almog@example.org", message.To.Mailboxes.Single().Address);
        Assert.Equal("program@example.org", message.From.Mailboxes.Single().Address);
        Assert.Contains("Plain “text”", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>HTML “text”</p>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pickup_file_carries_attachments()
    {
        var sender = new EmailSender(
            Options.Create(new EmailOptions { PickupFolder = _folder }), new TestEnvironment(), NullLogger<EmailSender>.Instance);
        var calendar = "BEGIN:VCALENDAR\r\nSUMMARY:ASCII only\r\nEND:VCALENDAR\r\n"u8.ToArray();
        var image = new byte[] { 0, 1, 2, 255, 254, 13, 10 };

        await sender.SendAsync(
            new EmailMessage("almog@example.org", null, "Your talk moved", "Text", "<p>HTML</p>",
            [
                new EmailAttachment("moved-talks.ics", "text/calendar; charset=utf-8; method=PUBLISH", calendar),
                new EmailAttachment("raw.bin", "application/octet-stream", image),
            ]),
            CancellationToken.None);

        var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(_folder, "*.eml")));
        var attachments = message.Attachments.OfType<MimePart>().ToList();
        Assert.Equal(["moved-talks.ics", "raw.bin"], attachments.Select(a => a.FileName));
        Assert.Equal("text/calendar", attachments[0].ContentType.MimeType);
        Assert.Equal("PUBLISH", attachments[0].ContentType.Parameters["method"]);
        Assert.Equal(calendar, Content(attachments[0]));
        Assert.Equal(ContentEncoding.Base64, attachments[0].ContentTransferEncoding);
        Assert.Equal(image, Content(attachments[1]));
        Assert.Equal("Text", message.TextBody?.Trim());
        Assert.Equal("<p>HTML</p>", message.HtmlBody?.Trim());
    }

    [Fact]
    public async Task Message_without_attachments_has_none()
    {
        var sender = new EmailSender(
            Options.Create(new EmailOptions { PickupFolder = _folder }), new TestEnvironment(), NullLogger<EmailSender>.Instance);

        await sender.SendAsync(new EmailMessage("almog@example.org", null, "Subject", "Text", "<p>HTML</p>"), CancellationToken.None);

        var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(_folder, "*.eml")));
        Assert.Empty(message.Attachments);
    }

    private static byte[] Content(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "ConferenceApp";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
