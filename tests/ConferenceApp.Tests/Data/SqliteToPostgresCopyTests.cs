using System.Net;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Speakers;
using ConferenceApp.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace ConferenceApp.Tests.Data;

/// <summary>The copy-to-postgres command: the demo database on SQLite copied into an empty PostgreSQL database.</summary>
public sealed class SqliteToPostgresCopyTests : IDisposable
{
    private readonly string _folder = AppFactory.NewTempFolder();

    private string SqlitePath => Path.Combine(_folder, "conference.db");

    // Gives the copy the app's services without touching the target database before the copy.
    private readonly AppFactory _services = new() { Provider = DatabaseProvider.Sqlite, LoadDemoData = false };

    // Stands for the PostgreSQL database: the factory names it after this path.
    private string PostgresPath => Path.Combine(_folder, "copy");

    [PostgresFact]
    public async Task Copy_serves_same_program_and_login()
    {
        string programPage;
        int speakerId;
        string photoHash;
        await using (var sqlite = AppFactory.OnDatabaseFile(SqlitePath, provider: DatabaseProvider.Sqlite))
        {
            await sqlite.CreateOrganizerClientAsync();
            (speakerId, photoHash) = await AddPhotoAsync(sqlite);
            programPage = await sqlite.CreateClient().GetStringAsync(new Uri($"/{DemoConference.Slug}", UriKind.Relative));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var postgres = AppFactory.OnDatabaseFile(PostgresPath);
        TestDatabase.CreateIfMissing(postgres.PostgresDatabase);

        var result = await CopyAsync(postgres);

        Assert.Null(result.Error);
        Assert.True(result.RowCount > 100, $"Only {result.RowCount} rows were copied.");

        var visitor = postgres.CreateClient();
        Assert.Equal(programPage, await visitor.GetStringAsync(new Uri($"/{DemoConference.Slug}", UriKind.Relative)));
        var photo = await visitor.GetAsync(new Uri($"/photos/{speakerId}/{photoHash}/256.jpg", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);

        var client = postgres.CreateBrowserlessClient();
        var loginPage = await client.GetStringAsync(new Uri("/Identity/Account/Login", UriKind.Relative));
        var login = await client.PostAsync(new Uri("/Identity/Account/Login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = AppFactory.OrganizerEmail,
            ["Input.Password"] = AppFactory.OrganizerPassword,
            ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(loginPage),
        }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/organize", UriKind.Relative))).StatusCode);
    }

    [PostgresFact]
    public async Task Copy_continues_the_ids()
    {
        await using (var sqlite = AppFactory.OnDatabaseFile(SqlitePath, provider: DatabaseProvider.Sqlite))
        {
            await sqlite.CreateOrganizerClientAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var postgres = AppFactory.OnDatabaseFile(PostgresPath, loadDemoData: false);
        TestDatabase.CreateIfMissing(postgres.PostgresDatabase);
        Assert.Null((await CopyAsync(postgres)).Error);

        await using var scope = postgres.OpenDb();
        var conference = await scope.Db.Conferences.SingleAsync();
        var largest = await scope.Db.Rooms.MaxAsync(r => r.Id);
        var room = Room.Create(conference.Id, "Copied hall", 99);
        scope.Db.Rooms.Add(room);
        await scope.Db.SaveChangesAsync();

        Assert.Equal(largest + 1, room.Id);
    }

    [PostgresFact]
    public async Task Copy_rejects_a_database_with_rows()
    {
        await using (var sqlite = AppFactory.OnDatabaseFile(SqlitePath, provider: DatabaseProvider.Sqlite))
        {
            await sqlite.CreateOrganizerClientAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var postgres = AppFactory.OnDatabaseFile(PostgresPath);
        await using (var scope = postgres.OpenDb())
        {
            Assert.Equal(1, await scope.Db.Conferences.CountAsync());
        }

        var result = await CopyAsync(postgres);

        Assert.NotNull(result.Error);
        Assert.Contains("is not empty", result.Error, StringComparison.Ordinal);
        await using var after = postgres.OpenDb();
        Assert.Equal(1, await after.Db.Conferences.CountAsync());
    }

    [PostgresFact]
    public async Task Copy_rejects_a_missing_file()
    {
        await using var postgres = AppFactory.OnDatabaseFile(PostgresPath);
        TestDatabase.CreateIfMissing(postgres.PostgresDatabase);

        var result = await CopyAsync(postgres);

        Assert.NotNull(result.Error);
        Assert.Contains("was not found", result.Error, StringComparison.Ordinal);
    }

    private Task<CopyResult> CopyAsync(AppFactory target) =>
        new SqliteToPostgresCopy($"Data Source={SqlitePath}", target.ConnectionString, _services.Services).RunAsync(CancellationToken.None);

    // Gives the demo's first speaker a photo, so the copy has to carry image bytes.
    private static async Task<(int SpeakerId, string Hash)> AddPhotoAsync(AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
        var speaker = await db.Speakers.AsNoTracking().OrderBy(s => s.Id).FirstAsync();

        using var bitmap = new SKBitmap(320, 240);
        bitmap.Erase(SKColors.CadetBlue);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        using var stream = new MemoryStream(data.ToArray());
        var file = new FormFile(stream, 0, stream.Length, "photo", "photo.png") { Headers = new HeaderDictionary(), ContentType = "image/png" };

        var result = await scope.ServiceProvider.GetRequiredService<SpeakerPhotoOperations>()
            .ReplaceAsync(speaker.ConferenceId, speaker.Id, file, bySpeaker: false, CancellationToken.None);
        Assert.Equal(Features.Organize.ChangeOutcome.Saved, result.Outcome);

        var hash = await db.Speakers.AsNoTracking().Where(s => s.Id == speaker.Id).Select(s => s.PhotoHash).SingleAsync();
        return (speaker.Id, hash!);
    }

    public void Dispose()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
