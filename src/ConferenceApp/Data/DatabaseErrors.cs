using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ConferenceApp.Data;

/// <summary>Recognizes database errors that the app turns into messages, on each provider.</summary>
public static class DatabaseErrors
{
    // SQLite's extended result code for a violated UNIQUE constraint (SQLITE_CONSTRAINT_UNIQUE).
    private const int SqliteUniqueViolation = 2067;

    /// <summary>Returns true when a unique index or constraint rejected the save.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteUniqueViolation,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// Returns true when the exception, or one it wraps, comes from the database driver or from a
    /// malformed connection string. Examples: a server that is down, a wrong password, a file
    /// that is not a SQLite database, a misspelt key such as "Databse".
    /// </summary>
    public static bool IsConnectionFailure(Exception exception) => Cause(exception) is not null;

    /// <summary>Returns the driver's message and what to check, in one line.</summary>
    public static string Describe(Exception exception)
    {
        var cause = Cause(exception) ?? exception;
        return $"{cause.Message.TrimEnd('.')}. Check the connection string (ConnectionStrings:DefaultConnection, or the command's --from and --to) and that the database server is running.";
    }

    private static Exception? Cause(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException or ArgumentException)
            {
                return current;
            }
        }

        return null;
    }
}
