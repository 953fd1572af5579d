using ConferenceApp.Data;
using ConferenceApp.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ConferenceApp.Tests.Email;

public sealed class OutboxTests : OutboxTestBase
{
    private static readonly byte[] Calendar = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8.ToArray();

    [Fact]
    public async Task Saved_message_is_sent_once()
    {
        var id = await EnqueueAndSaveAsync(Message("first@example.org"));

        await WaitUntilAsync(async () => (await RowAsync(id))?.SentAtUtc is not null, "the message is marked sent");
        var again = await Dispatcher.SendDueAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.Equal((0, 0), again);
        var mail = Assert.Single(await MailsAsync());
        Assert.Equal("first@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Equal("Your talk moved", mail.Subject);
        var attachment = Assert.IsAssignableFrom<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal("moved-talks.ics", attachment.FileName);
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        Assert.Equal(Calendar, Content(attachment));

        var row = (await RowAsync(id))!;
        Assert.Equal(1, row.AttemptCount);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, row.SentAtUtc);
        Assert.Null(row.ClaimedUntilUtc);
        Assert.Null(row.LastError);
        Assert.Null(row.GaveUpAtUtc);
    }

    [Fact]
    public async Task Messages_are_sent_oldest_first()
    {
        long first;
        long second;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
            var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
            var early = outbox.Enqueue(Message("early@example.org"));
            Clock.Advance(TimeSpan.FromSeconds(1));
            var late = outbox.Enqueue(Message("late@example.org"));
            await db.SaveChangesAsync();
            (first, second) = (early.Id, late.Id);
        }

        await WaitUntilAsync(async () => (await RowAsync(second))?.SentAtUtc is not null, "both messages are sent");

        var mails = await MailsAsync();
        Assert.Equal(["early@example.org", "late@example.org"], mails.Select(m => m.To.Mailboxes.Single().Address));
        Assert.NotNull((await RowAsync(first))!.SentAtUtc);
    }

    [Fact]
    public async Task Commit_wakes_dispatcher()
    {
        OutboxMessage row;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
            var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();

            row = outbox.Enqueue(Message("committed@example.org"));
            await db.SaveChangesAsync();
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Equal(0, MailCount());

            await transaction.CommitAsync();
        }

        await WaitUntilAsync(async () => (await RowAsync(row.Id))?.SentAtUtc is not null, "the committed message is sent");
        Assert.Equal("committed@example.org", Assert.Single(await MailsAsync()).To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task Enqueue_without_save_stores_nothing()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<EmailOutbox>().Enqueue(Message("unsaved@example.org"));
        }

        await Dispatcher.SendDueAsync(CancellationToken.None);

        await using var check = App.OpenDb();
        Assert.Equal(0, await check.Db.OutboxMessages.CountAsync());
        Assert.Equal(0, MailCount());
    }

    [Fact]
    public async Task Rolled_back_transaction_leaves_no_row()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
            var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();

            outbox.Enqueue(Message("rolled-back@example.org"));
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.OutboxMessages.CountAsync());

            await transaction.RollbackAsync();
        }

        var result = await Dispatcher.SendDueAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal((0, 0), result);
        await using var check = App.OpenDb();
        Assert.Equal(0, await check.Db.OutboxMessages.CountAsync());
        Assert.Equal(0, MailCount());
    }

    private static EmailMessage Message(string to) =>
        new(to, "Speaker", "Your talk moved", "Text", "<p>HTML</p>",
            [new EmailAttachment("moved-talks.ics", "text/calendar; charset=utf-8; method=PUBLISH", Calendar)]);
}
