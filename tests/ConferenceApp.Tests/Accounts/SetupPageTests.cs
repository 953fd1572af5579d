using System.Net;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ConferenceApp.Tests.Accounts;

/// <summary>The /setup page that creates the first organizer with the logged one-time token.</summary>
public sealed class SetupPageTests
{
    private static string LoggedToken(AppFactory app) =>
        Assert.IsType<string>(Assert.Single(app.Logs.Records, record => record.Values.ContainsKey("SetupToken")).Values["SetupToken"]);

    private static async Task<HttpResponseMessage> PostSetupAsync(HttpClient client, string token, string email, string password)
    {
        var form = await client.GetStringAsync(new Uri("/setup", UriKind.Relative));
        return await client.PostAsync(new Uri("/setup", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(form),
            ["Token"] = token,
            ["Email"] = email,
            ["Password"] = password,
            ["ConfirmPassword"] = password,
        }));
    }

    [Fact]
    public async Task Setup_creates_first_organizer()
    {
        await using var app = new AppFactory();
        var client = app.CreateBrowserlessClient();

        var response = await PostSetupAsync(client, LoggedToken(app), "first@example.org", "a long enough password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/organize", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/setup", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Setup_closes_when_organizer_made_elsewhere()
    {
        await using var app = new AppFactory();
        var client = app.CreateBrowserlessClient();
        var token = LoggedToken(app);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/setup", UriKind.Relative))).StatusCode);

        // The create-organizer command runs in another process and cannot close this one's token.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<OrganizerAccounts>();
            Assert.True((await accounts.CreateAsync("command@example.org", "a long enough password", allowExistingAccount: true)).Succeeded);
        }

        var response = await client.PostAsync(new Uri("/setup", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token"] = token,
            ["Email"] = "command@example.org",
            ["Password"] = "another long password",
            ["ConfirmPassword"] = "another long password",
        }));

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/setup", UriKind.Relative))).StatusCode);
        await using var check = app.Services.CreateAsyncScope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync("command@example.org");
        Assert.True(await users.CheckPasswordAsync(user!, "a long enough password"));
    }

    [Fact]
    public async Task Setup_rejects_existing_account_email()
    {
        await using var app = new AppFactory();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var existing = new IdentityUser { UserName = "speaker@example.org", Email = "speaker@example.org" };
            Assert.True((await users.CreateAsync(existing, "the speaker's own password")).Succeeded);
        }

        var response = await PostSetupAsync(app.CreateBrowserlessClient(), LoggedToken(app), "Speaker@Example.org", "a long enough password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("exists already", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(app.Services.GetRequiredService<FirstRunSetup>().IsOpen);
    }
}
