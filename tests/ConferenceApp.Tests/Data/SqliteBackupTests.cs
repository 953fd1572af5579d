using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using ConferenceApp.Data;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Data;

/// <summary>The backup and restore commands' work: SQLite's online backup of a live database, and its restore.</summary>
public sealed class SqliteBackupTests : IDisposable
{
    private readonly string _folder = AppFactory.NewTempFolder();

    private readonly AppFactory _services = new() { Provider = DatabaseProvider.Sqlite, LoadDemoData = false };

    private SqliteBackup Backup => new(_services.Services);

    private static readonly Uri ProgramUrl = new($"/{DemoConference.Slug}/program", UriKind.Relative);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [SqliteFact]
    public async Task Backup_under_load_restores_same_program()
    {
        await using var live = AppFactory.OnDatabaseFile(PathOf("live.db"), provider: DatabaseProvider.Sqlite);
        var organizer = new OrganizerBrowser(await live.CreateOrganizerClientAsync());
        var program = await live.CreateClient().GetStringAsync(ProgramUrl);
        int roomId;
        await using (var scope = live.OpenDb())
        {
            roomId = await scope.Db.Rooms.Select(room => room.Id).FirstAsync();
        }

        // One organizer renames a room again and again while the backup runs.
        var acknowledged = new ConcurrentQueue<int>();
        using var stop = new CancellationTokenSource();
        var load = Task.Run(async () =>
        {
            var url = $"/organize/{DemoConference.Slug}/rooms/{roomId.ToString(CultureInfo.InvariantCulture)}/edit";
            for (var round = 1; !stop.IsCancellationRequested; round++)
            {
                using var response = await organizer.SubmitAsync(url, new Dictionary<string, string> { ["Name"] = RoomName(round) });
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                acknowledged.Enqueue(round);
            }
        });
        await WaitForAsync(() => acknowledged.Count >= 3);

        var lastBeforeBackup = acknowledged.Last();
        var result = await Backup.BackupAsync(live.ConnectionString, PathOf("backup.db"), CancellationToken.None);
        var lastAfterBackup = acknowledged.Last();
        await WaitForAsync(() => acknowledged.Last() > lastAfterBackup);
        await stop.CancelAsync();
        await load;

        Assert.Null(result.Error);
        Assert.Equal(1, result.ConferenceCount);

        var restore = await Backup.RestoreAsync(PathOf("backup.db"), $"Data Source={PathOf("restored.db")}", replace: false, CancellationToken.None);
        Assert.Null(restore.Error);
        Assert.Null(restore.KeptPath);

        await using var restored = AppFactory.OnDatabaseFile(PathOf("restored.db"), loadDemoData: false, provider: DatabaseProvider.Sqlite);
        Assert.Equal(program, await restored.CreateClient().GetStringAsync(ProgramUrl));

        // The copy is one moment between the last rename acknowledged before the backup and the
        // first acknowledged after it.
        await using var restoredDb = restored.OpenDb();
        var name = await restoredDb.Db.Rooms.Where(room => room.Id == roomId).Select(room => room.Name).SingleAsync();
        var round = int.Parse(name["Hall ".Length..], CultureInfo.InvariantCulture);
        Assert.InRange(round, lastBeforeBackup, lastAfterBackup + 1);
    }

    [SqliteFact]
    public async Task Backup_is_one_file_in_delete_mode()
    {
        await using (var live = AppFactory.OnDatabaseFile(PathOf("live.db"), provider: DatabaseProvider.Sqlite))
        {
            live.CreateClient();
            var result = await Backup.BackupAsync(live.ConnectionString, PathOf("backups/first.db"), CancellationToken.None);
            Assert.Null(result.Error);
        }

        Assert.Equal(["first.db"], Directory.GetFiles(PathOf("backups")).Select(Path.GetFileName));
        await using var connection = new SqliteConnection($"Data Source={PathOf("backups/first.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("delete", (string?)await command.ExecuteScalarAsync());
    }

    [SqliteFact]
    public async Task Backup_over_existing_file_is_rejected()
    {
        await using var live = AppFactory.OnDatabaseFile(PathOf("live.db"), provider: DatabaseProvider.Sqlite);
        live.CreateClient();
        await File.WriteAllTextAsync(PathOf("taken.db"), "an older backup");

        var result = await Backup.BackupAsync(live.ConnectionString, PathOf("taken.db"), CancellationToken.None);

        Assert.Contains("already exists", result.Error, StringComparison.Ordinal);
        Assert.Equal("an older backup", await File.ReadAllTextAsync(PathOf("taken.db")));
    }

    [SqliteFact]
    public async Task Backup_of_missing_database_is_rejected()
    {
        var result = await Backup.BackupAsync($"Data Source={PathOf("none.db")}", PathOf("backup.db"), CancellationToken.None);

        Assert.Contains("was not found", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("backup.db")));
    }

    [SqliteFact]
    public async Task Restore_of_text_file_is_rejected()
    {
        await File.WriteAllTextAsync(PathOf("notes.db"), "not a database at all, just some text that is long enough");

        var result = await Backup.RestoreAsync(PathOf("notes.db"), $"Data Source={PathOf("target.db")}", replace: false, CancellationToken.None);

        Assert.Contains("not a readable SQLite database", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("target.db")));
    }

    [SqliteFact]
    public async Task Restore_of_foreign_database_is_rejected()
    {
        await using (var other = new SqliteConnection($"Data Source={PathOf("other.db")};Pooling=false"))
        {
            await other.OpenAsync();
            await using var command = other.CreateCommand();
            command.CommandText = "CREATE TABLE notes (text TEXT);";
            await command.ExecuteNonQueryAsync();
        }

        var result = await Backup.RestoreAsync(PathOf("other.db"), $"Data Source={PathOf("target.db")}", replace: false, CancellationToken.None);

        Assert.Contains("not a ConferenceApp database", result.Error, StringComparison.Ordinal);
    }

    [SqliteFact]
    public async Task Restore_of_newer_backup_is_rejected()
    {
        await MakeBackupAsync("backup.db");
        await using (var connection = new SqliteConnection($"Data Source={PathOf("backup.db")};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO \"__EFMigrationsHistory\" VALUES ('29991231000000_FromTheFuture', '99.0.0');";
            await command.ExecuteNonQueryAsync();
        }

        var result = await Backup.RestoreAsync(PathOf("backup.db"), $"Data Source={PathOf("target.db")}", replace: false, CancellationToken.None);

        Assert.Contains("newer version", result.Error, StringComparison.Ordinal);
        Assert.Contains("29991231000000_FromTheFuture", result.Error, StringComparison.Ordinal);
    }

    [SqliteFact]
    public async Task Restore_over_conferences_needs_replace()
    {
        await MakeBackupAsync("backup.db");
        File.Copy(PathOf("backup.db"), PathOf("target.db"));
        var target = $"Data Source={PathOf("target.db")}";

        var withoutReplace = await Backup.RestoreAsync(PathOf("backup.db"), target, replace: false, CancellationToken.None);
        var replaced = await Backup.RestoreAsync(PathOf("backup.db"), target, replace: true, CancellationToken.None);

        Assert.Contains("--replace", withoutReplace.Error, StringComparison.Ordinal);
        Assert.Null(replaced.Error);
        Assert.NotNull(replaced.KeptPath);
        Assert.True(File.Exists(replaced.KeptPath));
        Assert.Equal(1, replaced.ConferenceCount);
    }

    public void Dispose()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task MakeBackupAsync(string name)
    {
        await using var live = AppFactory.OnDatabaseFile(PathOf("live.db"), provider: DatabaseProvider.Sqlite);
        live.CreateClient();
        var result = await Backup.BackupAsync(live.ConnectionString, PathOf(name), CancellationToken.None);
        Assert.Null(result.Error);
    }

    private static string RoomName(int round) => "Hall " + round.ToString(CultureInfo.InvariantCulture);

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The load did not make progress within 30 seconds.");
            await Task.Delay(20);
        }
    }
}
