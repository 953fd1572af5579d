using System.Net;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Program;

/// <summary>What start-up does to the database: migrations, the demo conference once, or nothing.</summary>
public sealed class StartupTests : IDisposable
{
    private const string DemoLoadedMessage = "Loaded the demo conference";

    private readonly string _folder = AppFactory.NewTempFolder();

    private string DatabasePath => Path.Combine(_folder, "conference.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task First_start_loads_demo_once()
    {
        await using var app = AppFactory.OnDatabaseFile(DatabasePath);
        _ = app.Services;

        Assert.Single(app.Logs.Records, record => record.Message.StartsWith(DemoLoadedMessage, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Second_start_skips_demo()
    {
        await using (var first = AppFactory.OnDatabaseFile(DatabasePath))
        {
            _ = first.Services;
        }

        await using var second = AppFactory.OnDatabaseFile(DatabasePath);
        _ = second.Services;

        Assert.DoesNotContain(second.Logs.Records, record => record.Message.StartsWith(DemoLoadedMessage, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Second_start_keeps_one_demo()
    {
        await using (var first = AppFactory.OnDatabaseFile(DatabasePath))
        {
            _ = first.Services;
        }

        await using var second = AppFactory.OnDatabaseFile(DatabasePath);
        await using var scope = second.OpenDb();

        Assert.Equal(1, await scope.Db.Conferences.CountAsync());
        Assert.Equal(14, await scope.Db.Sessions.CountAsync());
        Assert.Equal(6, await scope.Db.Talks.CountAsync());
        Assert.Equal(8, await scope.Db.Speakers.CountAsync());
        Assert.Equal(14, await scope.Db.TimeSlots.CountAsync());
    }

    [Fact]
    public async Task Second_start_keeps_edited_data()
    {
        const string NewTitle = "Closing remarks & thanks";
        await using (var first = AppFactory.OnDatabaseFile(DatabasePath))
        {
            await using var scope = first.OpenDb();
            var closing = await scope.Db.Sessions.SingleAsync(s => s.Title == "Closing remarks");
            closing.Update(NewTitle, closing.Kind, closing.Description);
            await scope.Db.SaveChangesAsync();
        }

        await using var second = AppFactory.OnDatabaseFile(DatabasePath);
        await second.PublishAsync();
        var page = await second.CreateClient().GetPageAsync("/wids-tlv-2023/program");

        Assert.Equal(NewTitle, page.Texts("h3.item-title")[^1]);
    }

    [Fact]
    public async Task Without_demo_database_stays_empty()
    {
        await using var app = new AppFactory { LoadDemoData = false };
        _ = app.Services;

        await using var scope = app.OpenDb();
        Assert.False(await scope.Db.Conferences.AnyAsync());
        Assert.False(await scope.Db.Sessions.AnyAsync());
    }

    [Fact]
    public async Task Without_demo_root_shows_no_conference()
    {
        await using var app = new AppFactory { LoadDemoData = false };

        var page = await app.CreateClient().GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("No conference yet", page.Document.QuerySelector("main h1")!.TextContent);
    }

    [Fact]
    public async Task Without_demo_program_gives_404()
    {
        await using var app = new AppFactory { LoadDemoData = false };

        var page = await app.CreateClient().GetPageAsync($"/{DemoConference.Slug}/program");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Fact]
    public async Task Demo_load_is_audited_as_system()
    {
        await using var app = new AppFactory();
        await using var scope = app.OpenDb();

        var actors = await scope.Db.AuditEntries.Where(e => e.EntityType == nameof(Conference)).Select(e => e.Actor).ToListAsync();

        Assert.Equal(["system"], actors);
    }
}
