namespace ConferenceApp.Data;

/// <summary>The database engines the app runs on, named as in <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
