namespace ConferenceApp.ClusterTests.Support;

/// <summary>
/// The database that every app instance of a test shares. The environment variable
/// CONFERENCEAPP_TEST_DATABASE chooses the engine: "sqlite" (the default) gives a file in the
/// test's temp folder, and "postgres" a new database on the server named by
/// CONFERENCEAPP_TEST_POSTGRES, an Npgsql connection string without a database name.
/// </summary>
/// <remarks>This is the one place that chooses the engine and its settings, which the instances receive as environment variables.</remarks>
internal sealed class ClusterDatabase
{
    public const string EngineVariable = "CONFERENCEAPP_TEST_DATABASE";
    public const string PostgresVariable = "CONFERENCEAPP_TEST_POSTGRES";

    private ClusterDatabase(string provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    /// <summary>The value of the app's Database:Provider setting.</summary>
    public string Provider { get; }

    /// <summary>The value of the app's ConnectionStrings:DefaultConnection setting.</summary>
    public string ConnectionString { get; }

    public static ClusterDatabase Create(string folder)
    {
        var engine = Environment.GetEnvironmentVariable(EngineVariable);
        if (string.IsNullOrEmpty(engine) || engine.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return new ClusterDatabase("Sqlite", $"Data Source={Path.Combine(folder, "conference.db")}");
        }

        if (engine.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                throw new InvalidOperationException($"{EngineVariable}=postgres needs {PostgresVariable}, such as \"Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres\".");
            }

            // NOTE: the app creates this database when it applies the migrations, and nothing drops it afterwards.
            return new ClusterDatabase("Postgres", $"{server.TrimEnd(';')};Database=conferenceapp_cluster_{Guid.NewGuid():N}");
        }

        throw new InvalidOperationException($"{EngineVariable} is \"{engine}\"; use \"sqlite\" or \"postgres\".");
    }

    /// <summary>Sets the app's database settings in a child process's environment.</summary>
    public void ApplyTo(IDictionary<string, string?> environment)
    {
        environment["Database__Provider"] = Provider;
        environment["ConnectionStrings__DefaultConnection"] = ConnectionString;
    }
}
