using System.Net;
using System.Text.RegularExpressions;
using ConferenceApp.Data;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;

namespace ConferenceApp.Tests.Invitations;

/// <summary>
/// A fresh app with the demo conference, a clock the test can move, mail written to the app's
/// pickup folder, and a browser signed in as an organizer.
/// </summary>
public abstract partial class InvitationTestBase : IAsyncLifetime, IDisposable
{
    protected const string Conference = DemoConference.Slug;
    protected const string Password = "a speaker's long password";

    protected InvitationTestBase(Dictionary<string, string>? settings = null)
    {
        App = new AppFactory
        {
            Settings = settings ?? [],
            TestServices = services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)),
        };
    }

    protected MovableTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected AppFactory App { get; }

    protected OrganizerBrowser Organizer { get; private set; } = null!;

    public async Task InitializeAsync() => Organizer = new OrganizerBrowser(await App.CreateOrganizerClientAsync());

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        App.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Moves the clock and signs the organizer in again, because the move also expires the sign-in cookie.</summary>
    protected async Task MoveClockAsync(TimeSpan by)
    {
        Clock.Advance(by);
        Organizer = new OrganizerBrowser(await SignInAsync(AppFactory.OrganizerEmail, AppFactory.OrganizerPassword));
    }

    protected static string EditUrl(int speakerId) => $"/organize/{Conference}/speakers/{speakerId}/edit";

    protected static string InvitationsUrl(int speakerId) => $"/organize/{Conference}/speakers/{speakerId}/invitations";

    /// <summary>Returns the id and name of the demo conference's first speaker by id.</summary>
    protected async Task<(int Id, string Name)> FirstSpeakerAsync()
    {
        await using var scope = App.OpenDb();
        var speaker = await scope.Db.Speakers.OrderBy(s => s.Id).Select(s => new { s.Id, s.Name }).FirstAsync();
        return (speaker.Id, speaker.Name);
    }

    /// <summary>Posts the invite form of the speaker's page as the organizer and returns the response.</summary>
    protected async Task<HttpResponseMessage> InviteAsync(int speakerId, string email)
    {
        var page = await Organizer.Client.GetStringAsync(new Uri(EditUrl(speakerId), UriKind.Relative));
        return await Organizer.PostAsync(InvitationsUrl(speakerId), new Dictionary<string, string>
        {
            ["email"] = email,
            ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(page),
        });
    }

    /// <summary>Posts one of the invitation's buttons ("resend" or "revoke") on the speaker's page.</summary>
    protected async Task<HttpResponseMessage> PressAsync(int speakerId, int invitationId, string action)
    {
        var page = await Organizer.Client.GetStringAsync(new Uri(EditUrl(speakerId), UriKind.Relative));
        return await Organizer.PostAsync($"{InvitationsUrl(speakerId)}/{invitationId}/{action}", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(page),
        });
    }

    /// <summary>Returns the messages in the pickup folder, oldest first.</summary>
    protected async Task<List<MimeMessage>> MailsAsync()
    {
        if (!Directory.Exists(App.MailFolder))
        {
            return [];
        }

        var messages = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(App.MailFolder, "*.eml").Order(StringComparer.Ordinal))
        {
            messages.Add(await MimeMessage.LoadAsync(file));
        }

        return messages;
    }

    /// <summary>Returns the path and query of the first link in the message's text part that starts with <paramref name="pathStart"/>.</summary>
    protected static string LinkIn(MimeMessage message, string pathStart)
    {
        var link = LinkPattern().Matches(message.TextBody ?? "")
            .Select(m => new Uri(WebUtility.HtmlDecode(m.Value)))
            .FirstOrDefault(uri => uri.AbsolutePath.StartsWith(pathStart, StringComparison.OrdinalIgnoreCase));
        Assert.True(link is not null, $"The message \"{message.Subject}\" has no link to {pathStart}.");
        return link.PathAndQuery;
    }

    /// <summary>Opens the invitation page and posts its password form with <paramref name="password"/> twice.</summary>
    protected static async Task<HttpResponseMessage> SetPasswordAsync(HttpClient client, string invitationPath, string password = Password)
    {
        var page = await client.GetStringAsync(new Uri(invitationPath, UriKind.Relative));
        return await client.PostAsync(new Uri(invitationPath, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Password"] = password,
            ["Form.ConfirmPassword"] = password,
            ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(page),
        }));
    }

    /// <summary>Posts a page's form that has no fields but the antiforgery token, such as the accept button.</summary>
    protected static async Task<HttpResponseMessage> PostEmptyFormAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        return await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(page),
        }));
    }

    /// <summary>Creates an account, with <paramref name="role"/> when given, and returns its id.</summary>
    protected async Task<string> CreateUserAsync(string email, string password, string? role = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        if (role is not null)
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }

            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        return user.Id;
    }

    /// <summary>Returns a client signed in with the email and password through the login page.</summary>
    protected async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = App.CreateBrowserlessClient();
        var login = await client.GetStringAsync(new Uri("/Identity/Account/Login", UriKind.Relative));
        var response = await client.PostAsync(new Uri("/Identity/Account/Login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(login),
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {email} returned {(int)response.StatusCode}.");
        return client;
    }

    protected async Task<int> UserCountAsync()
    {
        await using var scope = App.OpenDb();
        return await scope.Db.Users.CountAsync();
    }

    protected async Task<bool> IsSpeakerRoleAsync(string userId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByIdAsync(userId);
        return user is not null && await users.IsInRoleAsync(user, Roles.Speaker);
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex LinkPattern();
}
