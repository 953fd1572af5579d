namespace ConferenceApp.Tests.Support;

/// <summary>A test of something only SQLite has, so it runs only in the SQLite pass of the suite.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.IsPostgres)
        {
            Skip = "Tests a SQLite feature; the SQLite pass of the suite runs it.";
        }
    }
}
