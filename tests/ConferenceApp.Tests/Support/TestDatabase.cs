using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ConferenceApp.Data;
using Npgsql;

namespace ConferenceApp.Tests.Support;

/// <summary>
/// The database engine that integration tests run on, chosen by the environment:
/// <c>CONFERENCEAPP_TEST_DATABASE</c> is <c>Sqlite</c> (the default) or <c>Postgres</c>, and for
/// PostgreSQL <c>CONFERENCEAPP_TEST_POSTGRES</c> is a connection string to a throwaway server
/// whose user may create databases, such as <c>Host=127.0.0.1;Port=5433;Username=postgres</c>.
/// </summary>
public static class TestDatabase
{
    public const string ProviderVariable = "CONFERENCEAPP_TEST_DATABASE";
    public const string PostgresServerVariable = "CONFERENCEAPP_TEST_POSTGRES";

    private static readonly ConcurrentDictionary<string, byte> SharedDatabases = new();

    static TestDatabase()
    {
        // Databases that several factories share are dropped when the test run ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var name in SharedDatabases.Keys)
            {
                Drop(name);
            }
        };
    }

    public static DatabaseProvider Provider { get; } = ReadProvider();

    public static bool IsPostgres => Provider == DatabaseProvider.Postgres;

    /// <summary>
    /// Returns the PostgreSQL database name that stands for a SQLite file path, so that two
    /// factories given the same path share one database, as they share the file on SQLite.
    /// </summary>
    public static string PostgresNameFor(string databasePath)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(databasePath)));
        return "conferenceapp_test_" + Convert.ToHexStringLower(hash)[..24];
    }

    /// <summary>Returns a connection string to <paramref name="databaseName"/> on the test server.</summary>
    public static string PostgresConnectionString(string databaseName)
    {
        var server = Environment.GetEnvironmentVariable(PostgresServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{ProviderVariable} is Postgres but {PostgresServerVariable} is not set; set it to a connection string of a throwaway server, such as Host=127.0.0.1;Port=5433;Username=postgres.");
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = databaseName }.ConnectionString;
    }

    /// <summary>
    /// Creates an empty database unless it exists, as an operator does before the first start.
    /// The app's migrations could create it too, but EF Core logs an error while it finds the
    /// database missing, which tests that count logged errors would see.
    /// </summary>
    public static void CreateIfMissing(string databaseName)
    {
        using var connection = new NpgsqlConnection(PostgresConnectionString("postgres"));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{databaseName}\"";
        try
        {
            command.ExecuteNonQuery();
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // A second factory on the same database file; UniqueViolation when both create it at the same moment.
        }
    }

    /// <summary>Notes a database that several factories use, to drop it when the test run ends.</summary>
    public static void DropAtExit(string databaseName) => SharedDatabases.TryAdd(databaseName, 0);

    /// <summary>Drops a test database, ending the connections that the app's pool still holds.</summary>
    public static void Drop(string databaseName)
    {
        var connectionString = PostgresConnectionString(databaseName);
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        using var connection = new NpgsqlConnection(PostgresConnectionString("postgres"));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }

    private static DatabaseProvider ReadProvider()
    {
        var name = Environment.GetEnvironmentVariable(ProviderVariable);
        if (string.IsNullOrWhiteSpace(name) || name.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Sqlite;
        }

        if (name.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Postgres;
        }

        throw new InvalidOperationException($"{ProviderVariable} is \"{name}\"; use Sqlite or Postgres.");
    }
}
