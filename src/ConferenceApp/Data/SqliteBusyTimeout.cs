using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ConferenceApp.Data;

/// <summary>
/// Sets SQLite's busy timeout on every connection the context opens, so that a statement that
/// finds the database locked by another connection's write waits inside SQLite for the lock
/// instead of failing with SQLITE_BUSY.
/// </summary>
/// <remarks>
/// The timeout is the connection's <c>Default Timeout</c> (a connection string keyword, in
/// seconds, 30 by default). Microsoft.Data.Sqlite's documentation ("Database errors") states that it
/// retries a busy statement itself until that timeout passes, but without the pragma SQLite
/// returns SQLITE_BUSY at once and each retry runs the statement again. With it, SQLite's own busy
/// handler waits inside the call and takes the lock soon after it is released. The pragma is per
/// connection and is not stored in the file, so it runs on every open, also when the pool hands
/// out a reused connection.
/// </remarks>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection sqlite)
        {
            using var command = CreateCommand(sqlite);
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection sqlite)
        {
            await using var command = CreateCommand(sqlite);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The busy timeout in milliseconds for a connection with the given <c>Default Timeout</c> in
    /// seconds. A <c>Default Timeout</c> of 0 means no limit, which becomes the largest value the
    /// pragma takes (<see cref="int.MaxValue"/> ms, about 24.8 days).
    /// </summary>
    public static int Milliseconds(int defaultTimeoutSeconds) =>
        defaultTimeoutSeconds <= 0 ? int.MaxValue : (int)Math.Min(int.MaxValue, defaultTimeoutSeconds * 1000L);

    private static SqliteCommand CreateCommand(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {Milliseconds(connection.DefaultTimeout)};");
        return command;
    }
}
