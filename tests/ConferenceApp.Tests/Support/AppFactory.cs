using System.Net;
using System.Text.RegularExpressions;
using ConferenceApp.Data;
using ConferenceApp.Features.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ConferenceApp.Tests.Support;

/// <summary>
/// Hosts the whole app in memory over a real SQLite file of its own, which it deletes on dispose.
/// The app starts as it does in production: migrations, then the demo conference.
/// </summary>
public sealed partial class AppFactory : WebApplicationFactory<Program>
{
    public const string OrganizerEmail = "organizer@example.org";
    public const string OrganizerPassword = "correct horse battery staple";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "conferenceapp-tests", Guid.NewGuid().ToString("N"));

    public AppFactory()
    {
        Directory.CreateDirectory(_folder);
        DatabasePath = Path.Combine(_folder, "conference.db");
    }

    public string DatabasePath { get; }

    /// <summary>Set before the first request to start on an empty database instead of the demo conference.</summary>
    public bool LoadDemoData { get; init; } = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:DefaultConnection", $"Data Source={DatabasePath}");
        builder.UseSetting("DemoData:LoadIntoEmptyDatabase", LoadDemoData ? "true" : "false");
    }

    /// <summary>Opens a database context on the test's database, outside any request.</summary>
    public AsyncServiceScopeWithDb OpenDb()
    {
        var scope = Services.CreateAsyncScope();
        return new AsyncServiceScopeWithDb(scope, scope.ServiceProvider.GetRequiredService<ConferenceDbContext>());
    }

    /// <summary>A client that does not follow redirects, so tests can assert on them.</summary>
    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Creates the organizer account (once) and returns a client signed in as it.</summary>
    public async Task<HttpClient> CreateOrganizerClientAsync()
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<OrganizerAccounts>();
            var result = await accounts.CreateAsync(OrganizerEmail, OrganizerPassword);
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
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
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
