using ConferenceApp.Data;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConferenceApp.Tests.Accounts;

/// <summary>
/// Creates accounts and posts the account forms (sign-in, password reset, invitation, uploads)
/// the way a browser does. A request may name a client address, sent as X-Forwarded-For, which
/// the app reads when 127.0.0.1 is a known proxy (see <see cref="LoopbackPeerStartupFilter"/>).
/// </summary>
public static class AccountRequests
{
    public const string LoginPath = "/Identity/Account/Login";
    public const string ForgotPasswordPath = "/Identity/Account/ForgotPassword";
    public const string ResetPasswordPath = "/Identity/Account/ResetPassword";

    /// <summary>Returns a new app whose settings are <paramref name="settings"/>, with 127.0.0.1 as its known proxy when <paramref name="trustLoopbackProxy"/> is true.</summary>
    public static AppFactory NewApp(Dictionary<string, string> settings, bool trustLoopbackProxy = true)
    {
        var all = new Dictionary<string, string>(settings);
        if (trustLoopbackProxy)
        {
            all["ForwardedHeaders:KnownProxies"] = "127.0.0.1";
        }

        return new AppFactory
        {
            Settings = all,
            TestServices = services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, LoopbackPeerStartupFilter>(),
        };
    }

    /// <summary>Returns the settings of one rate limit.</summary>
    public static Dictionary<string, string> Limit(string name, int permitLimit, int windowSeconds = 300) => new()
    {
        [$"RateLimits:{name}:PermitLimit"] = permitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"RateLimits:{name}:WindowSeconds"] = windowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Creates an account with a confirmed email, in <paramref name="role"/> when given, and returns its id.</summary>
    public static async Task<string> CreateUserAsync(AppFactory app, string email, string password, string? role = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();

        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        if (role is not null)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Assert.True((await roles.CreateAsync(new IdentityRole(role))).Succeeded);
            }

            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        return user.Id;
    }

    /// <summary>Creates a speaker account linked to the demo conference's first speaker and returns the account's id and the speaker's id.</summary>
    public static async Task<(string UserId, int SpeakerId)> CreateSpeakerUserAsync(AppFactory app, string email, string password)
    {
        var userId = await CreateUserAsync(app, email, password, Roles.Speaker);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
        var speaker = await db.Speakers.OrderBy(s => s.Id).FirstAsync();
        speaker.LinkAccount(userId);
        await db.SaveChangesAsync();
        return (userId, speaker.Id);
    }

    /// <summary>Opens <paramref name="formPath"/> (or <paramref name="path"/>) for its antiforgery token and posts <paramref name="values"/> to <paramref name="path"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string path, Dictionary<string, string> values, string? clientAddress = null, string? formPath = null)
    {
        var page = await client.GetStringAsync(new Uri(formPath ?? path, UriKind.Relative));
        values["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(page);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new FormUrlEncodedContent(values) };
        if (clientAddress is not null)
        {
            request.Headers.Add("X-Forwarded-For", clientAddress);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Posts a multipart form with a file field that contains <paramref name="fileContent"/>, as a file upload does.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(
        HttpClient client, string path, string formPath, string fileField, byte[] fileContent, Dictionary<string, string>? fields = null)
    {
        var page = await client.GetStringAsync(new Uri(formPath, UriKind.Relative));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(AppFactory.AntiforgeryToken(page)), "__RequestVerificationToken");
        foreach (var (name, value) in fields ?? [])
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(fileContent);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, fileField, "upload.bin");
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string? clientAddress = null) =>
        PostFormAsync(client, LoginPath, new() { ["Input.Email"] = email, ["Input.Password"] = password }, clientAddress);

    /// <summary>Returns a client signed in as <paramref name="email"/>.</summary>
    public static async Task<HttpClient> SignedInClientAsync(AppFactory app, string email, string password)
    {
        var client = app.CreateBrowserlessClient();
        var response = await SignInAsync(client, email, password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
