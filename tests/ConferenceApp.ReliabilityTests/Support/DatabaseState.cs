using System.Data.Common;
using System.Globalization;
using ConferenceApp.ClusterTests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ConferenceApp.ReliabilityTests.Support;

/// <summary>
/// Every row of every table of the app's database, each row as one line of text, sorted, so that
/// two states compare equal exactly when the tables hold the same rows.
/// </summary>
internal sealed class DatabaseState
{
    private DatabaseState(SortedDictionary<string, List<string>> tables) => Tables = tables;

    public SortedDictionary<string, List<string>> Tables { get; }

    public int RowCount(string table) => Tables.TryGetValue(table, out var rows) ? rows.Count : 0;

    /// <summary>Opens a connection of its own, outside the connection pool, to the database that <paramref name="database"/> names.</summary>
    public static DbConnection Connect(ClusterDatabase database) => database.Provider == "Sqlite"
        ? new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ToString())
        : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ToString());

    public static async Task<DatabaseState> ReadAsync(ClusterDatabase database)
    {
        await using var connection = Connect(database);
        await connection.OpenAsync();

        var tables = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in await ListTablesAsync(connection))
        {
            tables[table] = await ReadRowsAsync(connection, table);
        }

        return new DatabaseState(tables);
    }

    /// <summary>
    /// Returns the result of SQLite's <c>PRAGMA integrity_check</c> and <c>PRAGMA foreign_key_check</c>:
    /// "ok" for a sound file. PostgreSQL has no such check, so it returns "ok" there.
    /// </summary>
    public static async Task<string> CheckIntegrityAsync(ClusterDatabase database)
    {
        if (database.Provider != "Sqlite")
        {
            return "ok";
        }

        await using var connection = Connect(database);
        await connection.OpenAsync();
        var integrity = await ReadLinesAsync(connection, "PRAGMA integrity_check;");
        var foreignKeys = await ReadLinesAsync(connection, "PRAGMA foreign_key_check;");
        return integrity is ["ok"] && foreignKeys.Count == 0
            ? "ok"
            : $"integrity_check: {string.Join("; ", integrity)}; foreign_key_check: {string.Join("; ", foreignKeys)}";
    }

    /// <summary>Lists the tables whose rows differ from <paramref name="other"/>, with the row counts and a few differing rows.</summary>
    public string Differences(DatabaseState other)
    {
        var lines = new List<string>();
        foreach (var table in Tables.Keys.Union(other.Tables.Keys).Order(StringComparer.Ordinal))
        {
            var mine = Tables.GetValueOrDefault(table) ?? [];
            var theirs = other.Tables.GetValueOrDefault(table) ?? [];
            if (mine.SequenceEqual(theirs, StringComparer.Ordinal))
            {
                continue;
            }

            var added = theirs.Except(mine, StringComparer.Ordinal).Take(3).Select(row => "+ " + Shorten(row));
            var removed = mine.Except(theirs, StringComparer.Ordinal).Take(3).Select(row => "- " + Shorten(row));
            lines.Add($"{table}: {mine.Count} rows before, {theirs.Count} after");
            lines.AddRange(added.Concat(removed).Select(row => "    " + row));
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static async Task<List<string>> ListTablesAsync(DbConnection connection)
    {
        var sql = connection is SqliteConnection
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE';";
        return await ReadLinesAsync(connection, sql);
    }

    private static async Task<List<string>> ReadRowsAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\";";
        await using var reader = await command.ExecuteReaderAsync();

        var rows = new List<string>();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows.Add(string.Join(" | ", values.Select(Format)));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static async Task<List<string>> ReadLinesAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();

        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            lines.Add(string.Join(" ", values.Select(Format)));
        }

        return lines;
    }

    private static string Format(object value) => value switch
    {
        DBNull => "NULL",
        byte[] bytes => Convert.ToHexString(bytes),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Shorten(string row) => row.Length > 200 ? row[..200] + "…" : row;
}
