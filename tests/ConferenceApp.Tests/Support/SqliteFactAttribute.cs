namespace ConferenceApp.Tests.Support;

/// <summary>A test of SQLite's own settings, such as its journal mode, so it runs only in the SQLite pass of the suite.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.IsPostgres)
        {
            Skip = "Tests a setting that only SQLite has.";
        }
    }
}
