using System.Data.Common;
using System.Diagnostics;
using ConferenceApp.ClusterTests.Support;
using Microsoft.Data.Sqlite;

namespace ConferenceApp.ReliabilityTests.Support;

/// <summary>
/// Notices that the app is inside a write transaction that has not committed yet, so that a test
/// can kill the app at that moment.
/// </summary>
/// <remarks>
/// On SQLite the probe empties the write-ahead log first (a TRUNCATE checkpoint). A transaction
/// writes its changed pages to the log when they no longer fit in the page cache (2 MB by
/// default) or when it commits. So the log grows before the commit only for a transaction that
/// changes more pages than the cache takes.
/// On PostgreSQL the probe takes a SHARE lock on the audit table, which lets the app read it but
/// makes the app's first audit insert wait. Every change saves its audit entries after its own
/// rows, in the same transaction. The app then waits inside its transaction with rows written,
/// and the probe finds a waiting connection with a transaction id. <see cref="DisposeAsync"/>
/// releases the lock.
/// </remarks>
internal sealed class WriteProbe : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(1);

    private readonly ClusterDatabase _database;
    private DbConnection? _lockHolder;
    private DbTransaction? _lock;

    private WriteProbe(ClusterDatabase database) => _database = database;

    private bool IsSqlite => _database.Provider == "Sqlite";

    private string LogFile => new SqliteConnectionStringBuilder(_database.ConnectionString).DataSource + "-wal";

    /// <summary>Prepares the database so that the next write transaction can be noticed. Call it while the app is idle.</summary>
    public static async Task<WriteProbe> ArmAsync(ClusterDatabase database)
    {
        var probe = new WriteProbe(database);
        if (probe.IsSqlite)
        {
            await probe.TruncateLogAsync();
        }
        else
        {
            await probe.LockAuditTableAsync();
        }

        return probe;
    }

    /// <summary>Waits until a write transaction is open, or throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task WaitForOpenTransactionAsync(TimeSpan timeout, Func<bool> gaveUp)
    {
        var clock = Stopwatch.StartNew();
        await using var monitor = IsSqlite ? null : DatabaseState.Connect(_database);
        if (monitor is not null)
        {
            await monitor.OpenAsync();
        }

        while (clock.Elapsed < timeout && !gaveUp())
        {
            if (IsSqlite ? new FileInfo(LogFile) is { Exists: true, Length: > 0 } : await HasWaitingWriterAsync(monitor!))
            {
                return;
            }

            await Task.Delay(PollInterval);
        }

        throw new TimeoutException($"No write transaction was seen within {timeout.TotalSeconds} s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_lock is not null)
        {
            await _lock.RollbackAsync();
            await _lock.DisposeAsync();
        }

        if (_lockHolder is not null)
        {
            await _lockHolder.DisposeAsync();
            await WaitForAbandonedTransactionsAsync();
        }
    }

    private async Task TruncateLogAsync()
    {
        await using var connection = DatabaseState.Connect(_database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.True(reader.GetInt64(0) == 0, "The TRUNCATE checkpoint was blocked by another connection.");
        Assert.True(new FileInfo(LogFile).Length == 0, $"{LogFile} is not empty after the TRUNCATE checkpoint.");
    }

    private async Task LockAuditTableAsync()
    {
        _lockHolder = DatabaseState.Connect(_database);
        await _lockHolder.OpenAsync();
        _lock = await _lockHolder.BeginTransactionAsync();
        await using var command = _lockHolder.CreateCommand();
        command.Transaction = _lock;
        command.CommandText = "LOCK TABLE \"AuditEntries\" IN SHARE MODE;";
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<bool> HasWaitingWriterAsync(DbConnection monitor)
    {
        await using var command = monitor.CreateCommand();
        command.CommandText =
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
            + "AND backend_xid IS NOT NULL AND wait_event_type = 'Lock';";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    // A killed client's server process notices the closed connection only after its lock wait
    // ends, then rolls back. Waits until no other connection of the database has a transaction id.
    private async Task WaitForAbandonedTransactionsAsync()
    {
        await using var monitor = DatabaseState.Connect(_database);
        await monitor.OpenAsync();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await using var command = monitor.CreateCommand();
            command.CommandText = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL;";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return;
            }

            await Task.Delay(50);
        }
    }
}
