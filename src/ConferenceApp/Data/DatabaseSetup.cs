using System.Runtime.Loader;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ConferenceApp.Data;

/// <summary>Registers the database chosen by configuration and prepares it at start-up.</summary>
public static class DatabaseSetup
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "DefaultConnection";
    public const string SqliteMigrationsAssembly = "ConferenceApp.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "ConferenceApp.Migrations.Postgres";

    /// <summary>
    /// Registers <see cref="ConferenceDbContext"/> for the provider named by <c>Database:Provider</c>
    /// ("Sqlite", the default, or "Postgres", in any letter case) and the connection string
    /// <c>ConnectionStrings:DefaultConnection</c>. A relative SQLite file path is taken relative
    /// to the content root, and its folder is created.
    /// </summary>
    public static IServiceCollection AddConferenceDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = ReadProvider(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"The connection string ConnectionStrings:{ConnectionStringName} is missing; set it in appsettings.json or the environment variable ConnectionStrings__{ConnectionStringName}.");

        LoadMigrationsBesideApp();
        if (provider == DatabaseProvider.Sqlite)
        {
            connectionString = ResolveSqliteConnectionString(connectionString, environment.ContentRootPath);
        }

        // Interceptors come from the container, so features can register their own, such as the
        // one that wakes the email outbox after a commit.
        services.AddDbContext<ConferenceDbContext>((services, options) =>
        {
            UseProvider(options, provider, connectionString);
            options.AddInterceptors(services.GetServices<IInterceptor>());
        });

        // Every connection waits for a lock held by another writer instead of failing at once.
        if (provider == DatabaseProvider.Sqlite)
        {
            services.AddSingleton<IInterceptor, SqliteBusyTimeout>();
        }

        return services;
    }

    /// <summary>
    /// Reads <c>Database:Provider</c>. Throws when it names a provider that the app does not
    /// support, so that a typing error stops the start instead of opening a SQLite file.
    /// </summary>
    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var name = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(name))
        {
            return DatabaseProvider.Sqlite;
        }

        if (string.Equals(name.Trim(), nameof(DatabaseProvider.Sqlite), StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Sqlite;
        }

        if (string.Equals(name.Trim(), nameof(DatabaseProvider.Postgres), StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Postgres;
        }

        throw new InvalidOperationException(
            $"The database provider \"{name}\" in {ProviderKey} is not supported; use \"Sqlite\" or \"Postgres\".");
    }

    /// <summary>Points <paramref name="options"/> at the provider's database and its migrations assembly.</summary>
    public static DbContextOptionsBuilder UseProvider(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly)),
        };

    /// <summary>
    /// Lets the runtime find a migrations assembly that lies beside the app's assembly without
    /// being listed in its deps.json: the build copies it there, because the app cannot
    /// reference the project that references the app.
    /// </summary>
    private static void LoadMigrationsBesideApp()
    {
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            if (name.Name is not (SqliteMigrationsAssembly or PostgresMigrationsAssembly))
            {
                return null;
            }

            var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        };
    }

    /// <summary>
    /// Makes a relative "Data Source" absolute under <paramref name="contentRoot"/>, creates the
    /// file's folder, and turns on foreign keys. Returns the connection string to use.
    /// </summary>
    public static string ResolveSqliteConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true };

        if (builder.DataSource is { Length: > 0 } dataSource
            && dataSource != ":memory:"
            && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.IsPathRooted(dataSource) ? dataSource : Path.GetFullPath(Path.Combine(contentRoot, dataSource));
            var folder = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            builder.DataSource = path;
        }

        return builder.ToString();
    }
}
