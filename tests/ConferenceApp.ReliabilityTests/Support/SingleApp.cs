using ConferenceApp.ClusterTests.Support;

namespace ConferenceApp.ReliabilityTests.Support;

/// <summary>
/// One instance of the built app on a database of its own (a SQLite file in a temp folder, or a
/// new PostgreSQL database, as CONFERENCEAPP_TEST_DATABASE chooses), with the demo conference and
/// one organizer account. It can be killed and started again on the same database.
/// </summary>
internal sealed class SingleApp : IAsyncDisposable
{
    public const string OrganizerEmail = "organizer@example.org";
    public const string OrganizerPassword = "correct horse battery staple";
    public const string DemoConference = "wids-tlv-2023";

    private readonly string _folder;

    private SingleApp(string folder, ClusterSettings settings)
    {
        _folder = folder;
        Settings = settings;
    }

    public ClusterSettings Settings { get; }

    public ClusterDatabase Database => Settings.Database;

    /// <summary>The running instance; a new one after each <see cref="RestartAsync"/>.</summary>
    public AppInstance Instance { get; private set; } = null!;

    public string BaseUrl => Instance.BaseUrl;

    /// <summary>Every start's output, oldest first, for assertion messages.</summary>
    public List<string> EarlierOutput { get; } = [];

    public static async Task<SingleApp> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "conferenceapp-reliability-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);

        // No Redis: the output cache stays in memory, as on a single server.
        // Sixteen sessions of one organizer account sign in from one address, more often than the
        // sign-in limits allow a person. The limits stay on with high values.
        var settings = new ClusterSettings(ClusterDatabase.Create(folder), "", "http://127.0.0.1", Path.Combine(folder, "mail"))
        {
            Environment = new Dictionary<string, string>
            {
                ["RateLimits__SignInPerClient__PermitLimit"] = "100000",
                ["RateLimits__SignInPerAccount__PermitLimit"] = "100000",
            },
        };
        var app = new SingleApp(folder, settings);
        try
        {
            await AppInstance.CreateOrganizerAsync(settings, OrganizerEmail, OrganizerPassword);
            app.Instance = await AppInstance.StartAsync("A", settings);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a new instance on the same database, after the previous one was killed.</summary>
    public async Task RestartAsync()
    {
        EarlierOutput.Add(Instance.Output);
        await Instance.DisposeAsync();
        Instance = await AppInstance.StartAsync("A (restarted)", Settings);
    }

    /// <summary>Returns a client signed in as the organizer.</summary>
    public async Task<SiteBrowser> SignInAsync()
    {
        var browser = new SiteBrowser();
        await browser.SignInAsync(BaseUrl, OrganizerEmail, OrganizerPassword);
        return browser;
    }

    /// <summary>The end of every instance's output, for assertion messages.</summary>
    public string Diagnostics()
    {
        static string Tail(string text) => text.Length > 6000 ? text[^6000..] : text;

        var outputs = EarlierOutput.Append(Instance?.Output ?? "").Select((output, index) => $"--- start {index + 1} ---{Environment.NewLine}{Tail(output)}");
        return string.Join(Environment.NewLine, outputs);
    }

    public async ValueTask DisposeAsync()
    {
        if (Instance is not null)
        {
            await Instance.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is the OS's to clean up if a file in it is still open.
        }
    }
}
