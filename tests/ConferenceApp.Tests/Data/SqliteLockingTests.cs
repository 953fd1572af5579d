using ConferenceApp.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Data;

/// <summary>How the app's SQLite connections share the file: write-ahead logging, the busy timeout, and write locks taken at BEGIN.</summary>
public sealed class SqliteLockingTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public SqliteLockingTests(AppFactory app)
    {
        _app = app;
        _app.CreateClient().Dispose();
    }

    [SqliteFact]
    public async Task Database_file_uses_write_ahead_log()
    {
        await using var connection = new SqliteConnection($"Data Source={_app.DatabasePath};Pooling=False");
        await connection.OpenAsync();

        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
    }

    [SqliteFact]
    public async Task App_connections_wait_when_busy()
    {
        await using var scope = _app.OpenDb();
        await scope.Db.Database.OpenConnectionAsync();

        var timeout = await ScalarAsync((SqliteConnection)scope.Db.Database.GetDbConnection(), "PRAGMA busy_timeout;");

        Assert.Equal("30000", timeout);
    }

    [SqliteFact]
    public async Task App_transaction_locks_writers_at_begin()
    {
        await using var scope = _app.OpenDb();
        await using var transaction = await scope.Db.Database.BeginTransactionAsync();

        // No busy timeout and a one-second retry limit, so a held lock fails the write quickly.
        await using var other = new SqliteConnection($"Data Source={_app.DatabasePath};Pooling=False;Default Timeout=1");
        await other.OpenAsync();
        var conferences = await ScalarAsync(other, "SELECT count(*) FROM \"Conferences\";");
        var write = await Record.ExceptionAsync(() => ScalarAsync(other, "BEGIN IMMEDIATE;"));

        Assert.Equal("1", conferences);
        var busy = Assert.IsType<SqliteException>(write);
        Assert.Equal(5, busy.SqliteErrorCode);
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
