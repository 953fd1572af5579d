using System.Diagnostics;
using System.Net;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Data;

/// <summary>Migrations at start-up by several instances at once, and the migrate command.</summary>
public sealed class MigrationTests : IDisposable
{
    private readonly string _folder = AppFactory.NewTempFolder();

    private string DatabasePath => Path.Combine(_folder, "conference.db");

    [Fact]
    public async Task Two_hosts_migrate_one_database_once()
    {
        // Loading the demo is not meant for instances that start at the same moment, so both start without it.
        await using var first = AppFactory.OnDatabaseFile(DatabasePath, loadDemoData: false);
        await using var second = AppFactory.OnDatabaseFile(DatabasePath, loadDemoData: false);

        var clients = await Task.WhenAll(Task.Run(() => first.CreateClient()), Task.Run(() => second.CreateClient()));

        Assert.Equal(HttpStatusCode.OK, (await clients[0].GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clients[1].GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        await using var scope = first.OpenDb();
        var known = scope.Db.Database.GetMigrations().ToList();
        Assert.Equal(known, await scope.Db.Database.GetAppliedMigrationsAsync());

        var applied = first.Logs.Records.Concat(second.Logs.Records)
            .Count(r => r.Category == "Microsoft.EntityFrameworkCore.Migrations" && r.Message.StartsWith("Applying migration", StringComparison.Ordinal));
        Assert.Equal(known.Count, applied);
        Assert.DoesNotContain(first.Logs.Records.Concat(second.Logs.Records), r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task Two_hosts_load_demo_once()
    {
        await using var first = AppFactory.OnDatabaseFile(DatabasePath);
        await using var second = AppFactory.OnDatabaseFile(DatabasePath);

        var clients = await Task.WhenAll(Task.Run(() => first.CreateClient()), Task.Run(() => second.CreateClient()));

        foreach (var client in clients)
        {
            using var program = await client.GetAsync(new Uri($"/{ConferenceApp.Data.DemoConference.Slug}/program", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, program.StatusCode);
        }

        await using var scope = first.OpenDb();
        Assert.Equal(1, await scope.Db.Conferences.CountAsync());
        Assert.Equal(1, await scope.Db.Releases.CountAsync());
        Assert.DoesNotContain(first.Logs.Records.Concat(second.Logs.Records), r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task Migrate_command_applies_then_finds_none()
    {
        await using var app = AppFactory.OnDatabaseFile(DatabasePath, loadDemoData: false);

        var (firstCode, firstOutput) = await RunAppAsync(app, "migrate");
        var (secondCode, secondOutput) = await RunAppAsync(app, "migrate");

        Assert.Equal(0, firstCode);
        Assert.Contains("migrations; the database is up to date", firstOutput, StringComparison.Ordinal);
        Assert.Equal(0, secondCode);
        Assert.Contains("no migrations were pending", secondOutput, StringComparison.Ordinal);

        await using var scope = app.OpenDb();
        Assert.Empty(await scope.Db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await scope.Db.Conferences.CountAsync());
    }

    // Runs ConferenceApp.dll from the test's output folder, as deployment runs it, on the factory's database.
    private static async Task<(int ExitCode, string Output)> RunAppAsync(AppFactory app, string command)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ConferenceApp.dll"));
        info.ArgumentList.Add(command);
        info.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        info.Environment["Database__Provider"] = app.Provider.ToString();
        info.Environment["ConnectionStrings__DefaultConnection"] = app.ConnectionString;

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await error);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
