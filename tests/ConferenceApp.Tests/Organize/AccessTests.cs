using System.Net;
using ConferenceApp.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConferenceApp.Tests.Organize;

public sealed class AccessTests : OrganizerTestBase
{
    private static readonly string[] Pages =
    [
        "/organize",
        "/organize/conferences/new",
        $"/organize/{Conference}",
        $"/organize/{Conference}/edit",
        $"/organize/{Conference}/delete",
        $"/organize/{Conference}/rooms",
        $"/organize/{Conference}/rooms/new",
        $"/organize/{Conference}/timeslots",
        $"/organize/{Conference}/timeslots/new",
        $"/organize/{Conference}/sessions",
        $"/organize/{Conference}/sessions/new",
        $"/organize/{Conference}/talks",
        $"/organize/{Conference}/talks/new",
        $"/organize/{Conference}/speakers",
        $"/organize/{Conference}/speakers/new",
    ];

    [Fact]
    public async Task Anonymous_get_redirects_to_login()
    {
        var client = App.CreateBrowserlessClient();
        var pages = Pages.Concat(await RowPagesAsync());

        foreach (var page in pages)
        {
            var response = await client.GetAsync(new Uri(page, UriKind.Relative));

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {page} returned {(int)response.StatusCode}.");
            Assert.StartsWith("/Identity/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Anonymous_post_is_rejected()
    {
        var client = App.CreateBrowserlessClient();
        var sessionId = await FirstSessionIdAsync();
        var posts = new[]
        {
            "/organize/conferences/new",
            $"/organize/{Conference}/edit",
            $"/organize/{Conference}/delete",
            $"/organize/{Conference}/sessions/new",
            $"/organize/{Conference}/sessions/{Text(sessionId)}/edit",
            $"/organize/{Conference}/sessions/{Text(sessionId)}/delete",
        };

        foreach (var url in posts)
        {
            var response = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Title"] = "Hijacked",
                ["Name"] = "Hijacked",
                ["ConfirmSlug"] = Conference,
            }));

            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest,
                $"POST {url} returned {(int)response.StatusCode}.");
        }

        await using var scope = App.OpenDb();
        Assert.False(await scope.Db.Sessions.AnyAsync(s => s.Title == "Hijacked"));
        Assert.True(await scope.Db.Conferences.AnyAsync(c => c.Slug == Conference));
    }

    [Fact]
    public async Task Non_organizer_user_is_rejected()
    {
        const string email = "visitor@example.org";
        const string password = "another long password";
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var created = await users.CreateAsync(new IdentityUser { UserName = email, Email = email, EmailConfirmed = true }, password);
            Assert.True(created.Succeeded);
        }

        var client = App.CreateBrowserlessClient();
        var login = await client.GetStringAsync(new Uri("/Identity/Account/Login", UriKind.Relative));
        var signIn = await client.PostAsync(new Uri("/Identity/Account/Login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(login),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var response = await client.GetAsync(new Uri("/organize", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_without_antiforgery_token_is_rejected()
    {
        var sessionId = await FirstSessionIdAsync();
        var url = $"/organize/{Conference}/sessions/{Text(sessionId)}/edit";
        var values = OrganizerBrowser.FormValues(await Browser.GetPageAsync(url));
        values.Remove("__RequestVerificationToken");
        values["Title"] = "Forged";

        var response = await Browser.PostAsync(url, values);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var scope = App.OpenDb();
        Assert.False(await scope.Db.Sessions.AnyAsync(s => s.Title == "Forged"));
    }

    [Fact]
    public async Task Organizer_sees_conference_list()
    {
        var page = await Browser.GetPageAsync("/organize");

        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/organize/{Conference}");
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/organize/conferences/new");
    }

    [Fact]
    public async Task Unknown_conference_or_row_is_not_found()
    {
        var sessionId = await FirstSessionIdAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await Browser.Client.GetAsync(new Uri("/organize/no-such-conference/rooms", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Browser.Client.GetAsync(new Uri($"/organize/{Conference}/talks/999999/edit", UriKind.Relative))).StatusCode);

        // A session of one conference is not reachable under another conference's address.
        var other = await Browser.SubmitAsync("/organize/conferences/new", Fields(
            ("Name", "Other conference"), ("TimeZoneId", "Europe/Berlin"), ("StartDate", "2024-05-01"), ("EndDate", "2024-05-02")));
        OrganizerBrowser.RedirectTarget(other);
        var crossed = await Browser.Client.GetAsync(new Uri($"/organize/other-conference/sessions/{Text(sessionId)}/edit", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
    }

    private async Task<int> FirstSessionIdAsync()
    {
        await using var scope = App.OpenDb();
        return await scope.Db.Sessions.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
    }

    private async Task<IEnumerable<string>> RowPagesAsync()
    {
        await using var scope = App.OpenDb();
        var db = scope.Db;
        var room = await db.Rooms.Select(r => r.Id).FirstAsync();
        var slot = await db.TimeSlots.Select(s => s.Id).FirstAsync();
        var session = await db.Sessions.Select(s => s.Id).FirstAsync();
        var talk = await db.Talks.Select(t => t.Id).FirstAsync();
        var speaker = await db.Speakers.Select(s => s.Id).FirstAsync();
        return
        [
            $"/organize/{Conference}/rooms/{Text(room)}/edit",
            $"/organize/{Conference}/rooms/{Text(room)}/delete",
            $"/organize/{Conference}/timeslots/{Text(slot)}/edit",
            $"/organize/{Conference}/timeslots/{Text(slot)}/delete",
            $"/organize/{Conference}/sessions/{Text(session)}/edit",
            $"/organize/{Conference}/sessions/{Text(session)}/delete",
            $"/organize/{Conference}/talks/{Text(talk)}/edit",
            $"/organize/{Conference}/talks/{Text(talk)}/delete",
            $"/organize/{Conference}/speakers/{Text(speaker)}/edit",
            $"/organize/{Conference}/speakers/{Text(speaker)}/delete",
        ];
    }
}
