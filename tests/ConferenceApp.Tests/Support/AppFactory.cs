using System.Net;
using System.Text.RegularExpressions;
using ConferenceApp.Data;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConferenceApp.Tests.Support;

/// <summary>
/// Hosts the whole app in memory over a real database of its own, which it deletes on dispose:
/// a SQLite file, or with <see cref="TestDatabase.IsPostgres"/> a fresh database on the test
/// PostgreSQL server. The app starts as it does in production: migrations, then the demo conference.
/// </summary>
/// <remarks>
/// A factory made with <see cref="OnDatabaseFile"/> uses a database file that the test owns
/// and leaves it in place, so that a second factory can start on the same file. On PostgreSQL
/// the file path names the database, which is dropped when the test run ends.
/// </remarks>
public sealed partial class AppFactory : WebApplicationFactory<global::Program>
{
    public const string OrganizerEmail = "organizer@example.org";
    public const string OrganizerPassword = "correct horse battery staple";

    private readonly string? _ownedFolder;

    public AppFactory()
    {
        _ownedFolder = NewTempFolder();
        DatabasePath = Path.Combine(_ownedFolder, "conference.db");
        MailFolder = Path.Combine(_ownedFolder, "mail");
        PostgresDatabase = TestDatabase.PostgresNameFor(DatabasePath);
    }

    // xunit requires a class fixture to have a single public constructor, so this one is private.
    private AppFactory(string databasePath)
    {
        DatabasePath = databasePath;
        MailFolder = Path.Combine(Path.GetDirectoryName(databasePath)!, "mail");
        PostgresDatabase = TestDatabase.PostgresNameFor(DatabasePath);
        if (TestDatabase.IsPostgres)
        {
            TestDatabase.DropAtExit(PostgresDatabase);
        }
    }

    /// <summary>Hosts the app on an existing or future database file that the caller deletes.</summary>
    public static AppFactory OnDatabaseFile(string databasePath, bool loadDemoData = true, DatabaseProvider? provider = null) =>
        new(databasePath) { LoadDemoData = loadDemoData, Provider = provider ?? TestDatabase.Provider };

    public string DatabasePath { get; }

    /// <summary>The database engine; the one chosen by the environment unless a test needs a certain one.</summary>
    public DatabaseProvider Provider { get; init; } = TestDatabase.Provider;

    private bool IsPostgres => Provider == DatabaseProvider.Postgres;

    /// <summary>The database's name on the test PostgreSQL server, used when <see cref="Provider"/> is PostgreSQL.</summary>
    public string PostgresDatabase { get; }

    /// <summary>The connection string the app is given.</summary>
    public string ConnectionString => IsPostgres
        ? TestDatabase.PostgresConnectionString(PostgresDatabase)
        : $"Data Source={DatabasePath}";

    /// <summary>The pickup folder where the app writes every email as an .eml file, beside the database.</summary>
    public string MailFolder { get; }

    /// <summary>Configuration values applied on top of the app's own, such as "Email:SmtpHost".</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    /// <summary>Set before the first request to start on an empty database instead of the demo conference.</summary>
    public bool LoadDemoData { get; init; } = true;

    /// <summary>The hosting environment name; "Testing" unless a test needs another.</summary>
    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>Service registrations applied after the app's own, to replace one of them.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Every entry the app logged, in order, from start-up on.</summary>
    public LogCollector Logs { get; } = new();

    /// <summary>Creates an empty folder under the system's temp folder for a test's files.</summary>
    public static string NewTempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "conferenceapp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        if (IsPostgres)
        {
            TestDatabase.CreateIfMissing(PostgresDatabase);
        }

        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:DefaultConnection", ConnectionString);
        builder.UseSetting("DemoData:LoadIntoEmptyDatabase", LoadDemoData ? "true" : "false");
        builder.UseSetting("Email:PickupFolder", MailFolder);

        // Tests sign in and upload far more often than people do, all from one client address.
        // The limits stay on; tests of the limits set small ones in Settings, which come after these.
        foreach (var (name, _) in new RateLimitOptions().All())
        {
            builder.UseSetting($"{RateLimitOptions.Section}:{name}:PermitLimit", "100000");
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));

        if (TestServices is not null)
        {
            builder.ConfigureTestServices(TestServices);
        }
    }

    /// <summary>Opens a database context on the test's database, outside any request.</summary>
    public AsyncServiceScopeWithDb OpenDb()
    {
        var scope = Services.CreateAsyncScope();
        return new AsyncServiceScopeWithDb(scope, scope.ServiceProvider.GetRequiredService<ConferenceDbContext>());
    }

    /// <summary>
    /// A client that does not follow redirects, so tests can assert on them. When Site:PublicUrl
    /// is https, the client talks https too, because the site's cookies are then Secure and a
    /// client sends them only over https.
    /// </summary>
    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = Settings.TryGetValue("Site:PublicUrl", out var url) && url.StartsWith("https:", StringComparison.Ordinal)
                ? new Uri("https://localhost")
                : new Uri("http://localhost"),
        });

    /// <summary>Creates the organizer account (once) and returns a client signed in as it.</summary>
    public async Task<HttpClient> CreateOrganizerClientAsync()
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<OrganizerAccounts>();
            var result = await accounts.CreateAsync(OrganizerEmail, OrganizerPassword, allowExistingAccount: true);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        var client = CreateBrowserlessClient();
        var loginPage = await client.GetStringAsync("/Identity/Account/Login");
        var response = await client.PostAsync("/Identity/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = OrganizerEmail,
            ["Input.Password"] = OrganizerPassword,
            ["__RequestVerificationToken"] = AntiforgeryToken(loginPage),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Returns the antiforgery token of the first form in an HTML page.</summary>
    public static string AntiforgeryToken(string html)
    {
        var match = AntiforgeryPattern().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            // Pooled connections keep the file open after the host stops. Closing them here
            // lets the file be deleted, or opened by a second factory, with nothing pending.
            SqliteConnection.ClearAllPools();
        }

        if (disposing && _ownedFolder is not null && IsPostgres)
        {
            TestDatabase.Drop(PostgresDatabase);
        }

        if (disposing && _ownedFolder is not null)
        {
            try
            {
                Directory.Delete(_ownedFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a finishing request is left for the OS to clean up with the temp folder.
            }
        }
    }
}

/// <summary>A service scope and the database context resolved in it; disposing it disposes both.</summary>
public sealed class AsyncServiceScopeWithDb(AsyncServiceScope scope, ConferenceDbContext db) : IAsyncDisposable
{
    public ConferenceDbContext Db { get; } = db;

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
