using System.Reflection;
using ConferenceApp.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace ConferenceApp.Data;

/// <summary>
/// Copies every row of a SQLite database into an empty PostgreSQL database, keeping the ids:
/// the conference model, releases, audit log, outbox, import uploads and the Identity tables.
/// </summary>
/// <remarks>
/// The copy first brings the target's schema up to date with the migrations, then rejects a
/// target that contains any row. It reads each table through EF Core, so the values are the app's
/// own (the same DateTime kinds and converted columns as in the running app). It inserts them in
/// one PostgreSQL transaction, principal tables first, so a failure leaves the target without
/// any copied row. Afterwards each identity column's sequence continues after its
/// largest copied id. The SQLite database is only read.
/// </remarks>
public sealed class SqliteToPostgresCopy(string sqliteConnectionString, string postgresConnectionString, IServiceProvider appServices)
{
    // Rows sent to PostgreSQL in one round trip.
    private const int BatchSize = 200;

    private readonly ILogger _logger = appServices.GetRequiredService<ILoggerFactory>().CreateLogger<SqliteToPostgresCopy>();

    /// <summary>Runs the copy. Returns the counts, or an error message when nothing was copied.</summary>
    public async Task<CopyResult> RunAsync(CancellationToken cancellationToken)
    {
        var sqlite = new SqliteConnectionStringBuilder(sqliteConnectionString) { Mode = SqliteOpenMode.ReadOnly };
        if (!File.Exists(sqlite.DataSource))
        {
            return CopyResult.Failed($"The SQLite database file \"{sqlite.DataSource}\" was not found; nothing was copied.");
        }

        if (await SqliteBackup.FindProblemAsync(sqlite.DataSource, cancellationToken) is { } problem)
        {
            return CopyResult.Failed($"\"{sqlite.DataSource}\" cannot be copied: {problem} Nothing was copied.");
        }

        await using var source = CreateContext(DatabaseProvider.Sqlite, sqlite.ToString());
        await using var target = CreateContext(DatabaseProvider.Postgres, postgresConnectionString);

        var missing = (await source.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (missing.Count > 0)
        {
            return CopyResult.Failed(
                $"The SQLite database lacks the migrations {string.Join(", ", missing)}. Run the migrate command on it with this version of the app first; nothing was copied.");
        }

        await DatabaseStartup.MigrateAsync(target, _logger, cancellationToken);

        var tables = InsertOrder(target.Model);
        var filled = await FirstTableWithRowsAsync(target, tables, cancellationToken);
        if (filled is not null)
        {
            return CopyResult.Failed(
                $"The PostgreSQL database is not empty: the table \"{filled}\" has rows. Copy into a new, empty database; nothing was copied.");
        }

        _logger.LogInformation("Copying {TableCount} tables from SQLite into PostgreSQL", tables.Count);
        await using var transaction = await target.Database.BeginTransactionAsync(cancellationToken);
        var connection = (NpgsqlConnection)target.Database.GetDbConnection();

        var rowCount = 0;
        foreach (var entityType in tables)
        {
            var rows = await LoadAsync(source, entityType, cancellationToken);
            await InsertAsync(connection, entityType, source, rows, cancellationToken);
            rowCount += rows.Count;
            _logger.LogInformation("Copied {RowCount} rows into {Table}", rows.Count, entityType.GetTableName());
        }

        await ResetSequencesAsync(connection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        _logger.LogInformation("Copied {RowCount} rows in {TableCount} tables from SQLite into PostgreSQL", rowCount, tables.Count);
        return new CopyResult(tables.Count, rowCount, null);
    }

    private ConferenceDbContext CreateContext(DatabaseProvider provider, string connectionString)
    {
        // The app's services carry settings that shape the model, such as the length of Identity's key
        // columns, so a context without them would not match the migrations.
        var options = new DbContextOptionsBuilder<ConferenceDbContext>().UseApplicationServiceProvider(appServices);
        DatabaseSetup.UseProvider(options, provider, connectionString);
        return new ConferenceDbContext(options.Options, new SystemAuditActor());
    }

    /// <summary>Orders the model's tables so that every table comes after the tables its foreign keys point to.</summary>
    internal static List<IEntityType> InsertOrder(IModel model)
    {
        var ordered = new List<IEntityType>();
        var visiting = new HashSet<IEntityType>();

        void Visit(IEntityType entityType)
        {
            if (ordered.Contains(entityType) || !visiting.Add(entityType))
            {
                return;
            }

            foreach (var foreignKey in entityType.GetForeignKeys())
            {
                if (foreignKey.PrincipalEntityType != entityType)
                {
                    Visit(foreignKey.PrincipalEntityType);
                }
            }

            ordered.Add(entityType);
        }

        foreach (var entityType in model.GetEntityTypes().Where(e => e.GetTableName() is not null).OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
        {
            Visit(entityType);
        }

        return ordered;
    }

    private static async Task<string?> FirstTableWithRowsAsync(ConferenceDbContext target, List<IEntityType> tables, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)target.Database.GetDbConnection();
        await target.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var entityType in tables)
            {
                await using var command = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {QuotedTable(entityType)})", connection);
                if (await command.ExecuteScalarAsync(cancellationToken) is true)
                {
                    return entityType.GetTableName();
                }
            }

            return null;
        }
        finally
        {
            await target.Database.CloseConnectionAsync();
        }
    }

    private static async Task<List<object>> LoadAsync(ConferenceDbContext source, IEntityType entityType, CancellationToken cancellationToken)
    {
        var load = typeof(SqliteToPostgresCopy)
            .GetMethod(nameof(LoadRowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(entityType.ClrType);
        return await (Task<List<object>>)load.Invoke(null, [source, cancellationToken])!;
    }

    private static async Task<List<object>> LoadRowsAsync<T>(ConferenceDbContext source, CancellationToken cancellationToken)
        where T : class =>
        [.. await source.Set<T>().ToListAsync(cancellationToken)];

    private static async Task InsertAsync(NpgsqlConnection connection, IEntityType entityType, ConferenceDbContext source, List<object> rows, CancellationToken cancellationToken)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties().Where(p => p.GetColumnName(table) is not null).ToList();
        var columns = string.Join(", ", properties.Select(p => Quote(p.GetColumnName(table)!)));

        foreach (var chunk in rows.Chunk(BatchSize))
        {
            await using var batch = new NpgsqlBatch(connection);
            foreach (var row in chunk)
            {
                var entry = source.Entry(row);
                var command = new NpgsqlBatchCommand(
                    $"INSERT INTO {QuotedTable(entityType)} ({columns}) VALUES ({string.Join(", ", properties.Select((_, i) => "$" + (i + 1)))})");
                foreach (var property in properties)
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = ToColumnValue(property, entry.Property(property.Name).CurrentValue) });
                }

                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // Applies the property's value converter (such as the one that marks UTC instants) and
    // gives PostgreSQL's timestamptz the offset zero that it requires.
    private static object ToColumnValue(IProperty property, object? value)
    {
        var converter = property.GetValueConverter() ?? property.GetTypeMapping().Converter;
        var stored = converter is null || value is null ? value : converter.ConvertToProvider(value);
        return stored switch
        {
            null => DBNull.Value,
            DateTimeOffset offset => offset.ToUniversalTime(),
            _ => stored,
        };
    }

    // Moves each identity column's sequence past the largest id copied into it.
    private static async Task ResetSequencesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var identities = new List<(string Table, string Column)>();
        await using (var query = new NpgsqlCommand(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'", connection))
        await using (var reader = await query.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                identities.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (table, column) in identities)
        {
            await using var reset = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX({Quote(column)}) FROM {Quote(table)}), 0) + 1, false)", connection);
            reset.Parameters.Add(new NpgsqlParameter { Value = Quote(table) });
            reset.Parameters.Add(new NpgsqlParameter { Value = column });
            await reset.ExecuteScalarAsync(cancellationToken);
        }
    }

    private static string QuotedTable(IEntityType entityType) =>
        entityType.GetSchema() is { } schema ? $"{Quote(schema)}.{Quote(entityType.GetTableName()!)}" : Quote(entityType.GetTableName()!);

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>The outcome of a copy: the tables and rows copied, or the reason nothing was copied.</summary>
public sealed record CopyResult(int TableCount, int RowCount, string? Error)
{
    public static CopyResult Failed(string error) => new(0, 0, error);
}
