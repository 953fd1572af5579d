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
