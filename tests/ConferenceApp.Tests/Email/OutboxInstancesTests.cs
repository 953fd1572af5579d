using ConferenceApp.Data;
using ConferenceApp.Infrastructure.Email;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ConferenceApp.Tests.Email;

/// <summary>Two app instances on one database file, each with its own dispatcher, sharing one pickup folder.</summary>
public sealed class OutboxInstancesTests : IDisposable
{
    private const int MessageCount = 30;

    private readonly string _folder = AppFactory.NewTempFolder();

    [Fact]
    public async Task Two_instances_send_each_message_once()
    {
        var databasePath = Path.Combine(_folder, "conference.db");
        using var first = AppFactory.OnDatabaseFile(databasePath);
        using var second = AppFactory.OnDatabaseFile(databasePath);
        first.Settings["Email:OutboxPollSeconds"] = "1";
        second.Settings["Email:OutboxPollSeconds"] = "1";

        // The first instance creates the database, and the second starts on it.
        _ = first.Services;
        _ = second.Services;

        await using (var scope = first.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
            for (var index = 0; index < MessageCount; index++)
            {
                outbox.Enqueue(new EmailMessage($"speaker{index}@example.org", null, $"Message {index}", "Text", "<p>HTML</p>"));
            }

            await scope.ServiceProvider.GetRequiredService<ConferenceDbContext>().SaveChangesAsync();
        }

        // Three direct calls race with each other and with both background dispatchers for the same rows.
        var rounds = await Task.WhenAll(
            Dispatcher(first).SendDueAsync(CancellationToken.None),
            Dispatcher(second).SendDueAsync(CancellationToken.None),
            Dispatcher(second).SendDueAsync(CancellationToken.None));
        var started = DateTime.UtcNow;
        while (await PendingAsync(first) > 0)
        {
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30), "Timed out waiting for the outbox to empty.");
            await Task.Delay(100);
        }

        var files = Directory.GetFiles(first.MailFolder, "*.eml");
        Assert.Equal(MessageCount, files.Length);
        Assert.True(rounds.Sum(r => r.Sent) <= MessageCount);
        await using var check = first.OpenDb();
        Assert.All(await check.Db.OutboxMessages.ToListAsync(), m => Assert.Equal(1, m.AttemptCount));
        Assert.Equal(MessageCount, await check.Db.OutboxMessages.Select(m => m.ToAddress).Distinct().CountAsync());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a stopping host is left for the OS to clean up with the temp folder.
        }
    }

    private static OutboxDispatcher Dispatcher(AppFactory app) =>
        app.Services.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single();

    private static async Task<int> PendingAsync(AppFactory app)
    {
        await using var scope = app.OpenDb();
        return await scope.Db.OutboxMessages.CountAsync(m => m.SentAtUtc == null);
    }
}
