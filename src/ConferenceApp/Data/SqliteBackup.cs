using ConferenceApp.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ConferenceApp.Data;

/// <summary>
/// Backup and restore of a SQLite conference database with SQLite's online backup API, which
/// copies a consistent snapshot while the site keeps reading and writing the live file.
/// </summary>
/// <remarks>
/// A backup is one self-contained file (journal mode DELETE, no -wal file beside it), checked
/// with <c>PRAGMA integrity_check</c>, and written under a temporary name first, so a failed or
/// interrupted backup never leaves a file under the requested name. A restore copies such a file
/// into the configured database, keeps the database it replaces as a backup beside it, and then
/// applies any migrations the backup lacks.
/// </remarks>
public sealed class SqliteBackup(IServiceProvider appServices)
{
    // The table every ConferenceApp database has; a file without it is not one of ours.
    private const string ConferenceTable = "Conferences";

    private readonly ILogger _logger = appServices.GetRequiredService<ILoggerFactory>().CreateLogger<SqliteBackup>();

    /// <summary>
    /// Copies the live database named by <paramref name="liveConnectionString"/> into the new file
    /// <paramref name="targetPath"/>. Returns the result, or an error message when no file was made.
    /// </summary>
    public async Task<BackupResult> BackupAsync(string liveConnectionString, string targetPath, CancellationToken cancellationToken)
    {
        var livePath = new SqliteConnectionStringBuilder(liveConnectionString).DataSource;
        if (!File.Exists(livePath))
        {
            return BackupResult.Failed($"The database file \"{livePath}\" was not found; no backup was made.");
        }

        var target = Path.GetFullPath(targetPath);
        if (File.Exists(target) || Directory.Exists(target))
        {
            return BackupResult.Failed($"\"{target}\" already exists; choose a new file name. No backup was made.");
        }

        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var partial = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            await CopyAsync(ReadOnly(livePath), ReadWrite(partial), selfContained: true, cancellationToken);
            var check = await CheckAsync(partial, cancellationToken);
            if (check.Error is not null)
            {
                return BackupResult.Failed($"The copy of \"{livePath}\" failed its check: {check.Error} No backup was made.");
            }

            File.Move(partial, target);
            _logger.LogInformation(
                "Backed up {Source} to {Target}: {Bytes} bytes, conference count {ConferenceCount}",
                livePath, target, new FileInfo(target).Length, check.ConferenceCount);
            return new BackupResult(target, new FileInfo(target).Length, check.ConferenceCount, null);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Replaces the database named by <paramref name="targetConnectionString"/> with the backup
    /// file <paramref name="backupPath"/>. A target with conferences in it is replaced only with
    /// <paramref name="replace"/>, and is then first kept as a backup beside it.
    /// </summary>
    public async Task<BackupResult> RestoreAsync(string backupPath, string targetConnectionString, bool replace, CancellationToken cancellationToken)
    {
        var source = Path.GetFullPath(backupPath);
        if (!File.Exists(source))
        {
            return BackupResult.Failed($"The backup file \"{source}\" was not found; nothing was restored.");
        }

        var check = await CheckAsync(source, cancellationToken);
        if (check.Error is not null)
        {
            return BackupResult.Failed($"\"{source}\" cannot be restored: {check.Error} Nothing was restored.");
        }

        await using (var backup = CreateContext(ReadOnly(source)))
        {
            var known = backup.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            var unknown = (await backup.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(id => !known.Contains(id)).ToList();
            if (unknown.Count > 0)
            {
                return BackupResult.Failed(
                    $"The backup was made by a newer version of the app (it has the migrations {string.Join(", ", unknown)}); restore it with that version. Nothing was restored.");
            }
        }

        var targetPath = new SqliteConnectionStringBuilder(targetConnectionString).DataSource;
        string? keptPath = null;
        if (File.Exists(targetPath))
        {
            var existing = await CountConferencesAsync(targetPath, cancellationToken);
            if (existing > 0 && !replace)
            {
                return BackupResult.Failed(
                    $"The database \"{targetPath}\" already has {existing} conference(s). Add --replace to replace it (it is kept as a backup beside it first). Nothing was restored.");
            }

            if (existing > 0)
            {
                keptPath = $"{targetPath}.before-restore-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}";
                var keptBackup = await BackupAsync(targetConnectionString, keptPath, cancellationToken);
                if (keptBackup.Error is not null)
                {
                    return BackupResult.Failed($"The database to replace could not be kept: {keptBackup.Error} Nothing was restored.");
                }
            }
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(targetPath))!);
        }

        // Copying through SQLite, rather than over the file, also replaces a -wal file beside it.
        await CopyAsync(ReadOnly(source), ReadWrite(targetPath), selfContained: false, cancellationToken);

        await using (var restored = CreateContext(ReadWrite(targetPath)))
        {
            await DatabaseStartup.MigrateAsync(restored, _logger, cancellationToken);
        }

        _logger.LogInformation("Restored {Source} into {Target}", source, targetPath);
        if (keptPath is not null)
        {
            _logger.LogInformation("Kept the replaced database as {Kept}", keptPath);
        }

        return new BackupResult(targetPath, new FileInfo(targetPath).Length, check.ConferenceCount, null) { KeptPath = keptPath };
    }

    // A self-contained copy is switched to journal mode DELETE, so it is one file with no -wal
    // beside it. A restored database keeps the journal mode that the app sets on it.
    private static async Task CopyAsync(string sourceConnectionString, string targetConnectionString, bool selfContained, CancellationToken cancellationToken)
    {
        await using var source = new SqliteConnection(sourceConnectionString);
        await using var target = new SqliteConnection(targetConnectionString);
        await source.OpenAsync(cancellationToken);
        await target.OpenAsync(cancellationToken);

        // One backup step copies every page under one read transaction, so the copy is a single
        // moment of the live database. In WAL mode writers go on meanwhile.
        source.BackupDatabase(target);
        if (!selfContained)
        {
            return;
        }

        await using var command = target.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = DELETE;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Returns why the file at <paramref name="path"/> is not an intact ConferenceApp SQLite
    /// database, or null when it is one.
    /// </summary>
    internal static async Task<string?> FindProblemAsync(string path, CancellationToken cancellationToken) =>
        (await CheckAsync(path, cancellationToken)).Error;

    private static async Task<FileCheck> CheckAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(ReadOnly(path));
            await connection.OpenAsync(cancellationToken);

            await using var integrity = connection.CreateCommand();
            integrity.CommandText = "PRAGMA integrity_check;";
            var result = (string?)await integrity.ExecuteScalarAsync(cancellationToken);
            if (result != "ok")
            {
                return new FileCheck(0, $"SQLite's integrity check reported \"{result}\".");
            }

            await using var tables = connection.CreateCommand();
            tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ($history, $conferences);";
            tables.Parameters.AddWithValue("$history", HistoryRepository.DefaultTableName);
            tables.Parameters.AddWithValue("$conferences", ConferenceTable);
            if ((long)(await tables.ExecuteScalarAsync(cancellationToken))! != 2)
            {
                return new FileCheck(0, "it is a SQLite database, but not a ConferenceApp database.");
            }

            return new FileCheck(await CountConferencesAsync(connection, cancellationToken), null);
        }
        catch (SqliteException exception)
        {
            return new FileCheck(0, $"it is not a readable SQLite database ({exception.Message.TrimEnd('.')}).");
        }
    }

    private static async Task<long> CountConferencesAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(ReadOnly(path));
        await connection.OpenAsync(cancellationToken);
        await using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $conferences;";
        exists.Parameters.AddWithValue("$conferences", ConferenceTable);
        return (long)(await exists.ExecuteScalarAsync(cancellationToken))! == 0
            ? 0
            : await CountConferencesAsync(connection, cancellationToken);
    }

    private static async Task<long> CountConferencesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM \"{ConferenceTable}\";";
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    private ConferenceDbContext CreateContext(string connectionString)
    {
        // The app's services carry settings that shape the model, such as the length of Identity's key
        // columns, so a context without them would not match the migrations.
        var options = new DbContextOptionsBuilder<ConferenceDbContext>().UseApplicationServiceProvider(appServices);
        DatabaseSetup.UseProvider(options, DatabaseProvider.Sqlite, connectionString);
        return new ConferenceDbContext(options.Options, new SystemAuditActor());
    }

    // Pooling is off so that no open handle keeps a file after the copy, which would stop the
    // move into place and leave the temporary file behind.
    private static string ReadOnly(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();

    private static string ReadWrite(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, ForeignKeys = true }.ToString();

    private sealed record FileCheck(long ConferenceCount, string? Error);
}

/// <summary>The outcome of a backup or restore: the file written and what it holds, or the error.</summary>
public sealed record BackupResult(string? Path, long Bytes, long ConferenceCount, string? Error)
{
    /// <summary>Where a restore kept the database it replaced, or null when there was none.</summary>
    public string? KeptPath { get; init; }

    public static BackupResult Failed(string error) => new(null, 0, 0, error);
}
