namespace ConferenceApp.Tests.Support;

/// <summary>A test that needs the PostgreSQL server, so it runs only in the PostgreSQL pass of the suite.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.IsPostgres)
        {
            Skip = $"Needs a PostgreSQL server: set {TestDatabase.ProviderVariable}=Postgres and {TestDatabase.PostgresServerVariable}.";
        }
    }
}
