using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Features.Organize;
using ConferenceApp.Features.Organize.Conflicts;
using ConferenceApp.Features.Organize.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace ConferenceApp.Infrastructure;

/// <summary>Brings the database up to date before the app serves its first request.</summary>
public static class DatabaseStartup
{
    // An arbitrary key of the PostgreSQL advisory lock that guards the creation of the history table and the migrations.
    private const long HistoryTableLockKey = 0x436F6E66417070;

    /// <summary>
    /// Runs <see cref="PrepareDatabaseAsync"/>, and returns false after logging one critical
    /// entry when the database cannot be reached or its connection string is malformed, so the
    /// process can exit with an error instead of a stack trace on the console.
    /// </summary>
    public static async Task<bool> TryPrepareDatabaseAsync(this WebApplication app)
    {
        try
        {
            await app.PrepareDatabaseAsync();
            return true;
        }
        catch (Exception exception) when (DatabaseErrors.IsConnectionFailure(exception))
        {
            app.Logger.LogCritical("The app did not start because the database could not be prepared: {Problem}", DatabaseErrors.Describe(exception));
            app.Logger.LogDebug(exception, "The database failure in full");
            return false;
        }
    }

    /// <summary>
    /// Applies pending migrations, loads the demo conference into an empty database when
    /// <c>DemoData:LoadIntoEmptyDatabase</c> is true, and, when <paramref name="openFirstRunSetup"/>
    /// is true, opens first-run setup while no organizer exists.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool openFirstRunSetup = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        var db = services.GetRequiredService<ConferenceDbContext>();

        await MigrateAsync(db, logger, CancellationToken.None);
        await EnableLockoutForEveryAccountAsync(db, logger);

        if (app.Configuration.GetValue("DemoData:LoadIntoEmptyDatabase", true)
            && await DemoConference.LoadIfEmptyAsync(db, CancellationToken.None))
        {
            logger.LogInformation("Loaded the demo conference {ConferenceSlug} into the empty database", DemoConference.Slug);
            await PublishDemoAsync(services, logger);
        }

        if (openFirstRunSetup)
        {
            await services.GetRequiredService<FirstRunSetup>().OpenIfNoOrganizerAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Makes failed sign-ins count towards the lockout for accounts created before lockout was
    /// enabled for new accounts. New accounts get it from Identity's options.
    /// </summary>
    private static async Task EnableLockoutForEveryAccountAsync(ConferenceDbContext db, ILogger logger)
    {
        var stamp = Guid.NewGuid().ToString();
        var enabled = await db.Users.Where(u => !u.LockoutEnabled).ExecuteUpdateAsync(
            setters => setters.SetProperty(u => u.LockoutEnabled, true).SetProperty(u => u.ConcurrencyStamp, stamp));
        if (enabled > 0)
        {
            logger.LogInformation("Enabled the sign-in lockout for {Count} existing accounts", enabled);
        }
    }

    /// <summary>
    /// Applies the migrations that the database lacks. Safe when several instances start at once:
    /// EF Core's <c>Migrate</c> holds a database-wide lock while it reads the history and applies
    /// migrations (on SQLite a row in <c>__EFMigrationsLock</c>), so a second instance waits and
    /// then finds nothing left to apply. On PostgreSQL that lock is taken in each migration's own
    /// transaction, so two instances could both apply a second pending migration. There the
    /// whole step runs under a session-level advisory lock instead. Returns the number of
    /// migrations applied.
    /// </summary>
    public static async Task<int> MigrateAsync(ConferenceDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await UseWriteAheadLogAsync(db, logger, cancellationToken);
        }

        if (!db.Database.IsNpgsql())
        {
            return await ApplyPendingMigrationsAsync(db, logger, cancellationToken);
        }

        await CreatePostgresHistoryTableAsync(db, cancellationToken);

        // A database that does not exist yet is created by Migrate itself, and nothing can lock it before.
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            return await ApplyPendingMigrationsAsync(db, logger, cancellationToken);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({HistoryTableLockKey})", cancellationToken);
            try
            {
                return await ApplyPendingMigrationsAsync(db, logger, cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({HistoryTableLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<int> ApplyPendingMigrationsAsync(ConferenceDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            return 0;
        }

        logger.LogInformation("Applying {MigrationCount} database migrations: {Migrations}", pending.Count, string.Join(", ", pending));
        await db.Database.MigrateAsync(cancellationToken);
        return pending.Count;
    }

    /// <summary>
    /// Switches a SQLite file to write-ahead logging, in which readers do not block the writer
    /// and the writer does not block readers. The mode is stored in the file, so this changes a
    /// file once and later starts find it set. An in-memory database has no log file and keeps the
    /// mode "memory".
    /// </summary>
    private static async Task UseWriteAheadLogAsync(ConferenceDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (mode is not ("wal" or "memory"))
            {
                logger.LogWarning("The SQLite database kept the journal mode {JournalMode} instead of WAL, so readers and the writer block each other", mode);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Creates the migrations history table of an existing PostgreSQL database. EF Core reads the
    /// history before it creates the table, and on PostgreSQL that failed read is logged as an
    /// error, which would appear at every first start. A session-level advisory lock serializes
    /// instances, since two concurrent CREATE TABLE IF NOT EXISTS can still collide. A database
    /// that does not exist yet is left to MigrateAsync, which creates it.
    /// </summary>
    private static async Task CreatePostgresHistoryTableAsync(ConferenceDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({HistoryTableLockKey})", cancellationToken);
            try
            {
                await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({HistoryTableLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // Publishes the demo as release 1.0 so that a fresh site shows its program. Its conflicts, if any, are confirmed.
    private static async Task PublishDemoAsync(IServiceProvider services, ILogger logger)
    {
        var conference = await services.GetRequiredService<OrganizeQueries>().FindConferenceAsync(DemoConference.Slug, CancellationToken.None);
        if (conference is null)
        {
            return;
        }

        var conflicts = await services.GetRequiredService<ConflictQueries>().ListAsync(conference, CancellationToken.None);
        var conflictCount = conflicts?.Conflicts.Count ?? 0;
        var request = new PublishRequest(ReleaseNames.First, "The demo program as loaded.", conflictCount > 0, conflictCount);
        var result = await services.GetRequiredService<PublishOperation>().PublishAsync(conference, request, CancellationToken.None);
        if (result.Outcome != ChangeOutcome.Saved)
        {
            logger.LogWarning("Could not publish the demo conference {ConferenceSlug} as release {ReleaseName}: {Errors}",
                DemoConference.Slug, ReleaseNames.First, string.Join(" ", result.Errors.Select(e => e.Message)));
        }
    }
}
