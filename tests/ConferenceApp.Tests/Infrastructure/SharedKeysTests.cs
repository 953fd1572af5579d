using System.Net;
using ConferenceApp.Data;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConferenceApp.Tests.Infrastructure;

/// <summary>
/// Two app hosts on one database file, as two instances behind a load balancer. One browser's
/// cookies go to both, so a request may reach either instance.
/// </summary>
public sealed class SharedKeysTests : IDisposable
{
    private const string Rooms = "/organize/" + DemoConference.Slug + "/rooms";

    private readonly string _folder = AppFactory.NewTempFolder();
    private readonly CookieContainer _cookies = new();
    private readonly AppFactory _first;
    private readonly AppFactory _second;

    public SharedKeysTests()
    {
        var databasePath = Path.Combine(_folder, "conference.db");
        _first = AppFactory.OnDatabaseFile(databasePath);
        _second = AppFactory.OnDatabaseFile(databasePath);

        // The first host creates the database, and the second starts on it.
        _ = _first.Services;
        _ = _second.Services;
    }

    [Fact]
    public async Task Login_cookie_works_on_other_instance()
    {
        var first = new OrganizerBrowser(Client(_first));
        var second = new OrganizerBrowser(Client(_second));
        var signedOut = await second.Client.GetAsync(new Uri(Rooms, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        await SignInAsync(first.Client);

        var page = await second.Client.GetAsync(new Uri(Rooms, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        await using var scope = _second.OpenDb();
        Assert.True(await scope.Db.DataProtectionKeys.AnyAsync(), "No Data Protection key is stored in the database.");
    }

    [Fact]
    public async Task Form_from_one_instance_posts_to_other()
    {
        var first = new OrganizerBrowser(Client(_first));
        var second = new OrganizerBrowser(Client(_second));
        await SignInAsync(first.Client);

        var values = OrganizerBrowser.FormValues(await first.GetPageAsync($"{Rooms}/new"));
        values["Name"] = "Room from the other instance";
        values["Position"] = "1";
        var response = await second.PostAsync($"{Rooms}/new", values);

        OrganizerBrowser.RedirectTarget(response);
        await using var scope = _first.OpenDb();
        Assert.True(await scope.Db.Rooms.AnyAsync(r => r.Name == "Room from the other instance"));
    }

    [Fact]
    public async Task Retired_keys_folder_logs_warning()
    {
        using var app = new AppFactory { Settings = { ["DataProtection:KeysFolder"] = Path.Combine(_folder, "keys") } };

        using var response = await app.CreateBrowserlessClient().GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Contains(app.Logs.Records, r => r.Level == Microsoft.Extensions.Logging.LogLevel.Warning && r.Message.StartsWith("DataProtection:KeysFolder is set but no longer read", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(_folder, "keys")), "The app created the retired keys folder.");
    }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a stopping host is left for the OS to clean up with the temp folder.
        }
    }

    // Both hosts serve http://localhost, so the shared cookie container sends each cookie to both.
    private HttpClient Client(AppFactory app) => app.CreateDefaultClient(new CookieContainerHandler(_cookies));

    private async Task SignInAsync(HttpClient client)
    {
        await using (var scope = _first.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<OrganizerAccounts>();
            var created = await accounts.CreateAsync(AppFactory.OrganizerEmail, AppFactory.OrganizerPassword, allowExistingAccount: true);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var loginPage = await client.GetStringAsync(new Uri("/Identity/Account/Login", UriKind.Relative));
        var response = await client.PostAsync(new Uri("/Identity/Account/Login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = AppFactory.OrganizerEmail,
            ["Input.Password"] = AppFactory.OrganizerPassword,
            ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(loginPage),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
