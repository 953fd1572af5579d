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
}
