using System.Net;
using ConferenceApp.Data;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.Extensions.Logging;
using static ConferenceApp.Tests.Accounts.AccountRequests;

namespace ConferenceApp.Tests.Accounts;

/// <summary>The rate limits on sign-in, password reset, invitations, imports and photo uploads, through the whole app.</summary>
public sealed class RateLimitTests
{
    private const string Password = "a long enough password";
    private const string Conference = DemoConference.Slug;

    [Fact]
    public async Task Sign_in_limited_per_client()
    {
        using var app = NewApp(Limit("SignInPerClient", 3));
        var client = app.CreateBrowserlessClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, $"person{i}@example.org", "wrong password", "10.0.0.1")).StatusCode);
        }

        await AssertRejectedAsync(await SignInAsync(client, "person3@example.org", "wrong password", "10.0.0.1"), 300);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, "person3@example.org", "wrong password", "10.0.0.2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(LoginPath, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Sign_in_limited_per_account()
    {
        using var app = NewApp(Limit("SignInPerAccount", 3));
        var client = app.CreateBrowserlessClient();

        string[] spellings = ["target@example.org", "TARGET@example.org", " Target@Example.org"];
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, spellings[i], "wrong password", $"10.0.1.{i + 1}")).StatusCode);
        }

        await AssertRejectedAsync(await SignInAsync(client, "target@example.org", "wrong password", "10.0.1.9"), 300);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, "other@example.org", "wrong password", "10.0.1.9")).StatusCode);
    }

    [Fact]
    public async Task Code_step_not_limited_per_account()
    {
        using var app = NewApp(Limit("SignInPerAccount", 2));
        var client = app.CreateBrowserlessClient();

        // The code forms carry no email, so posts from many addresses must not share one counter.
        for (var i = 0; i < 4; i++)
        {
            using var response = await PostFormAsync(client, "/Identity/Account/LoginWith2fa", new() { ["Code"] = "000000" }, $"10.0.3.{i + 1}", formPath: LoginPath);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, "someone@example.org", "wrong password", "10.0.3.9")).StatusCode);
    }

    [Fact]
    public async Task Limit_resets_after_window()
    {
        using var app = NewApp(Limit("SignInPerClient", 2, windowSeconds: 2));
        var client = app.CreateBrowserlessClient();
        await SignInAsync(client, "a@example.org", "wrong password", "10.0.2.1");
        await SignInAsync(client, "b@example.org", "wrong password", "10.0.2.1");

        var rejected = await SignInAsync(client, "c@example.org", "wrong password", "10.0.2.1");
        await AssertRejectedAsync(rejected, 2);
        await Task.Delay(rejected.Headers.RetryAfter!.Delta!.Value + TimeSpan.FromMilliseconds(500));

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, "c@example.org", "wrong password", "10.0.2.1")).StatusCode);
    }

    [Fact]
    public async Task IPv6_client_counted_per_network()
    {
        using var app = NewApp(Limit("SignInPerClient", 2));
        var client = app.CreateBrowserlessClient();
        await SignInAsync(client, "a@example.org", "wrong password", "2001:db8:1:2::1");
        await SignInAsync(client, "b@example.org", "wrong password", "2001:db8:1:2:aaaa::2");

        await AssertRejectedAsync(await SignInAsync(client, "c@example.org", "wrong password", "2001:db8:1:2:ffff::3"), 300);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, "c@example.org", "wrong password", "2001:db8:1:3::1")).StatusCode);
    }

    [Fact]
    public async Task Forwarded_header_ignored_without_known_proxy()
    {
        using var app = NewApp(Limit("SignInPerClient", 2), trustLoopbackProxy: false);
        var client = app.CreateBrowserlessClient();
        await SignInAsync(client, "a@example.org", "wrong password", "10.0.3.1");
        await SignInAsync(client, "b@example.org", "wrong password", "10.0.3.2");

        await AssertRejectedAsync(await SignInAsync(client, "c@example.org", "wrong password", "10.0.3.3"), 300);
    }

    [Fact]
    public async Task Rejection_is_logged_without_secrets()
    {
        using var app = NewApp(Limit("SignInPerClient", 1));
        var client = app.CreateBrowserlessClient();
        await SignInAsync(client, "a@example.org", "first secret password", "10.0.4.1");

        await AssertRejectedAsync(await SignInAsync(client, "b@example.org", "second secret password", "10.0.4.1"), 300);

        var entry = Assert.Single(app.Logs.Records, r => r.Values.ContainsKey("LimitGroup"));
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal("SignIn", entry.Values["LimitGroup"]?.ToString());
        Assert.Equal("10.0.4.1", entry.Values["ClientAddress"]);
        Assert.Equal(EmailHash.Of("b@example.org"), entry.Values["EmailHash"]);
        Assert.InRange((int)entry.Values["RetryAfterSeconds"]!, 1, 300);
        Assert.True(entry.ScopeValues.ContainsKey("RequestId"), "The entry has no request id in its scope.");
        Assert.DoesNotContain(app.Logs.Records, r => r.Message.Contains("secret password", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Records, r => r.Message.Contains("b@example.org", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Forgot_password_limited_per_account()
    {
        using var app = NewApp(Limit("PasswordResetPerAccount", 2));
        var client = app.CreateBrowserlessClient();

        for (var i = 0; i < 2; i++)
        {
            var response = await PostFormAsync(client, ForgotPasswordPath, new() { ["Input.Email"] = "reset@example.org" }, $"10.0.5.{i + 1}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        await AssertRejectedAsync(await PostFormAsync(client, ForgotPasswordPath, new() { ["Input.Email"] = "reset@example.org" }, "10.0.5.9"), 300);
    }

    [Fact]
    public async Task Reset_password_limited_per_client()
    {
        using var app = NewApp(Limit("PasswordResetPerClient", 2));
        var client = app.CreateBrowserlessClient();

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostResetAsync(client, $"person{i}@example.org", "10.0.6.1")).StatusCode);
        }

        await AssertRejectedAsync(await PostResetAsync(client, "person2@example.org", "10.0.6.1"), 300);
        Assert.Equal(HttpStatusCode.OK, (await PostResetAsync(client, "person2@example.org", "10.0.6.2")).StatusCode);
    }

    [Fact]
    public async Task Invitation_limited_per_client()
    {
        using var app = NewApp(Limit("InvitationPerClient", 2));
        var client = app.CreateBrowserlessClient();

        for (var i = 0; i < 2; i++)
        {
            var response = await PostInvitationAsync(client, "10.0.7.1");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        await AssertRejectedAsync(await PostInvitationAsync(client, "10.0.7.1"), 300);
        Assert.Equal(HttpStatusCode.NotFound, (await PostInvitationAsync(client, "10.0.7.2")).StatusCode);
    }

    [Fact]
    public async Task Import_limited_per_user()
    {
        using var app = NewApp(Limit("ImportPerUser", 2));
        await CreateUserAsync(app, "first@example.org", Password, Roles.Organizer);
        await CreateUserAsync(app, "second@example.org", Password, Roles.Organizer);
        var first = await SignedInClientAsync(app, "first@example.org", Password);
        var second = await SignedInClientAsync(app, "second@example.org", Password);
        var import = $"/organize/{Conference}/import";

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await PostFileAsync(first, import, import, "file", [])).StatusCode);
        }

        await AssertRejectedAsync(await PostFileAsync(first, import, import, "file", []), 600);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostFileAsync(second, import, import, "file", [])).StatusCode);
    }

    [Fact]
    public async Task Photo_uploads_limited_per_user()
    {
        using var app = NewApp(Limit("PhotoUploadPerUser", 2));
        await CreateUserAsync(app, "organizer@example.org", Password, Roles.Organizer);
        var (_, speakerId) = await CreateSpeakerUserAsync(app, "speaker@example.org", Password);
        var organizer = await SignedInClientAsync(app, "organizer@example.org", Password);
        var speaker = await SignedInClientAsync(app, "speaker@example.org", Password);
        var organizerForm = $"/organize/{Conference}/speakers/{speakerId}/edit";
        var organizerUpload = $"/organize/{Conference}/speakers/{speakerId}/photo";
        var speakerForm = $"/speaker/{Conference}/profile";
        var speakerUpload = $"/speaker/{Conference}/photo";
        byte[] notAnImage = [1, 2, 3, 4];

        for (var i = 0; i < 2; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await PostFileAsync(organizer, organizerUpload, organizerForm, "photo", notAnImage)).StatusCode);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await PostFileAsync(speaker, speakerUpload, speakerForm, "photo", notAnImage)).StatusCode);
        }

        await AssertRejectedAsync(await PostFileAsync(organizer, organizerUpload, organizerForm, "photo", notAnImage), 600);
        await AssertRejectedAsync(await PostFileAsync(speaker, speakerUpload, speakerForm, "photo", notAnImage), 600);
    }

    private static Task<HttpResponseMessage> PostResetAsync(HttpClient client, string email, string clientAddress) =>
        PostFormAsync(client, ResetPasswordPath, new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "a new long password",
            ["Input.ConfirmPassword"] = "a new long password",
            ["Input.Code"] = "not a code",
        }, clientAddress, formPath: ResetPasswordPath + "?code=bm90LWEtY29kZQ");

    // The link's page returns 404 for an unknown token and has no form, so the antiforgery token comes from the sign-in page.
    private static Task<HttpResponseMessage> PostInvitationAsync(HttpClient client, string clientAddress) =>
        PostFormAsync(client, "/invitations/no-such-token", new()
        {
            ["Form.Password"] = Password,
            ["Form.ConfirmPassword"] = Password,
        }, clientAddress, formPath: LoginPath);

    private static async Task AssertRejectedAsync(HttpResponseMessage response, int windowSeconds)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is not null, "The 429 response has no Retry-After in seconds.");
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, windowSeconds);

        var page = await OrganizerBrowser.ParseAsync(response);
        Assert.Equal("Too many requests", page.QuerySelector("main h1")?.TextContent.Trim());
        Assert.Contains("Please wait", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("header nav"));
    }
}
