using ConferenceApp.Data;
using ConferenceApp.Infrastructure.Email;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using MimeKit;

namespace ConferenceApp.Tests.Email;

/// <summary>
/// A fresh app with the demo conference, a clock the test can move, and the outbox dispatcher
/// running in the background, with mail written to the app's pickup folder unless the test
/// configures an SMTP host.
/// </summary>
/// <remarks>
/// The dispatcher polls only once a minute, longer than any wait in the tests, so messages are
/// sent because a commit or the test woke the dispatcher.
/// </remarks>
public abstract class OutboxTestBase : IDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    protected OutboxTestBase(Dictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string> { ["Email:OutboxPollSeconds"] = "60" };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        App = new AppFactory
        {
            Settings = all,
            TestServices = services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)),
        };
    }

    protected MovableTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    protected AppFactory App { get; }

    protected OutboxDispatcher Dispatcher => App.Services.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single();

    public void Dispose()
    {
        App.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Queues the message through the outbox and saves, as an operation does.</summary>
    protected async Task<long> EnqueueAndSaveAsync(EmailMessage message)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();

        var row = outbox.Enqueue(message);
        await db.SaveChangesAsync();
        return row.Id;
    }

    protected async Task<OutboxMessage?> RowAsync(long id)
    {
        await using var scope = App.OpenDb();
        return await scope.Db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id);
    }

    /// <summary>Moves the clock and wakes the dispatcher, as a later poll would.</summary>
    protected void AdvanceAndWake(TimeSpan by)
    {
        Clock.Advance(by);
        App.Services.GetRequiredService<OutboxSignal>().Notify();
    }

    /// <summary>Waits until <paramref name="condition"/> holds, and fails with <paramref name="description"/> when it does not within 20 s.</summary>
    protected static async Task WaitUntilAsync(Func<Task<bool>> condition, string description)
    {
        var started = DateTime.UtcNow;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow - started < WaitLimit, $"Timed out waiting until {description}.");
            await Task.Delay(50);
        }
    }

    /// <summary>Returns the messages in the pickup folder, oldest first.</summary>
    protected async Task<List<MimeMessage>> MailsAsync()
    {
        if (!Directory.Exists(App.MailFolder))
        {
            return [];
        }

        var messages = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(App.MailFolder, "*.eml").Order(StringComparer.Ordinal))
        {
            messages.Add(await MimeMessage.LoadAsync(file));
        }

        return messages;
    }

    protected int MailCount() => Directory.Exists(App.MailFolder) ? Directory.GetFiles(App.MailFolder, "*.eml").Length : 0;

    protected static byte[] Content(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }
}
