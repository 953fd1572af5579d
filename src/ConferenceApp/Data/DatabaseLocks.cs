using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Data;

/// <summary>
/// A database-wide lock for a check-then-insert that must not run twice at once, such as loading
/// the demo into an empty database from several instances.
/// </summary>
public static class DatabaseLocks
{
    /// <summary>
    /// Takes a lock that the current transaction holds until it ends. Another transaction that
    /// calls this waits for it. On PostgreSQL it is the transaction-level advisory lock
    /// <paramref name="key"/>. On SQLite it is the database's write lock, taken by an UPDATE that
    /// changes no row, so every other writer waits too.
    /// </summary>
    public static async Task LockForWritingAsync(ConferenceDbContext db, long key, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The lock lasts until the transaction ends, so it needs a transaction.");
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
            return;
        }

        await db.Database.ExecuteSqlRawAsync("UPDATE \"__EFMigrationsHistory\" SET \"ProductVersion\" = \"ProductVersion\" WHERE 0", cancellationToken);
    }
}
