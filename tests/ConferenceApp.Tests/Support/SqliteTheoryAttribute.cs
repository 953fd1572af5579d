namespace ConferenceApp.Tests.Support;

/// <summary>A table of cases that seeds data with SQL written for SQLite, so it runs only in the SQLite pass of the suite.</summary>
public sealed class SqliteTheoryAttribute : TheoryAttribute
{
    public SqliteTheoryAttribute()
    {
        if (TestDatabase.IsPostgres)
        {
            Skip = "Seeds its rows with SQL written for SQLite, whose limit on query variables it tests.";
        }
    }
}
