using System.Diagnostics;
using System.Net;
using ConferenceApp.Areas.Identity.Pages.Account;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using static ConferenceApp.Tests.Accounts.AccountRequests;

namespace ConferenceApp.Tests.Accounts;

/// <summary>Answers of the account pages that must not tell whether an email has an account.</summary>
public sealed class EnumerationTests : IDisposable
{
    private const string Known = "known@example.org";
    private const string Unknown = "unknown@example.org";
    private const string Password = "the right long password";

    private readonly AppFactory _app = new();

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Sign_in_answers_alike()
    {
        await CreateUserAsync(_app, Known, Password, Roles.Organizer);
        var client = _app.CreateBrowserlessClient();

        var known = await SignInAsync(client, Known, "a wrong password");
        var unknown = await SignInAsync(client, Unknown, "a wrong password");

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal("The email or password is incorrect.", await FormErrorAsync(known));
        Assert.Equal(await FormErrorAsync(known), await FormErrorAsync(unknown));
        Assert.False(known.Headers.Contains("Set-Cookie") && known.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".AspNetCore.Identity", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Locked_account_answers_like_unknown()
    {
        await CreateUserAsync(_app, Known, Password, Roles.Organizer);
        var client = _app.CreateBrowserlessClient();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            await SignInAsync(client, Known, "a wrong password");
        }

        var known = await SignInAsync(client, Known, "a wrong password");
        var unknown = await SignInAsync(client, Unknown, "a wrong password");

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(await FormErrorAsync(known), await FormErrorAsync(unknown));
    }

    [Fact]
    public async Task Sign_in_takes_alike()
    {
        await CreateUserAsync(_app, Known, Password, Roles.Organizer);
        var client = _app.CreateBrowserlessClient();
        await SignInAsync(client, Unknown, "warm-up");

        // Medians of a few attempts each, alternating, so that a busy machine slows both alike.
        // Without the hash check for unknown emails they return many times faster.
        var knownTimes = new List<double>();
        var unknownTimes = new List<double>();
        for (var i = 0; i < 4; i++)
        {
            knownTimes.Add(await TimeAsync(() => SignInAsync(client, Known, $"a wrong password {i}")));
            unknownTimes.Add(await TimeAsync(() => SignInAsync(client, Unknown, $"a wrong password {i}")));
        }

        Assert.True(Median(unknownTimes) > Median(knownTimes) / 3,
            $"An unknown email took {Median(unknownTimes):F0} ms, an account {Median(knownTimes):F0} ms.");
    }

    [Fact]
    public async Task Reset_answers_alike()
    {
        await CreateUserAsync(_app, Known, Password, Roles.Organizer);
        var client = _app.CreateBrowserlessClient();

        var known = await PostResetAsync(client, Known, "a new long password");
        var unknown = await PostResetAsync(client, Unknown, "a new long password");

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(ResetPasswordModel.InvalidLinkMessage, await FormErrorAsync(known));
        Assert.Equal(await FormErrorAsync(known), await FormErrorAsync(unknown));
    }

    [Fact]
    public async Task Reset_weak_password_answers_alike()
    {
        await CreateUserAsync(_app, Known, Password, Roles.Organizer);
        var client = _app.CreateBrowserlessClient();

        var known = await OrganizerBrowser.ParseAsync(await PostResetAsync(client, Known, "short"));
        var unknown = await OrganizerBrowser.ParseAsync(await PostResetAsync(client, Unknown, "short"));

        var knownError = OrganizerBrowser.ErrorFor(known, "Input.Password");
        Assert.Contains("at least 12 characters", knownError, StringComparison.Ordinal);
        Assert.Equal(knownError, OrganizerBrowser.ErrorFor(unknown, "Input.Password"));
        Assert.Equal("", OrganizerBrowser.FormError(known));
    }

    [Fact]
    public async Task Reset_page_without_code_explains()
    {
        var page = await _app.CreateBrowserlessClient().GetPageAsync(ResetPasswordPath);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("needs the code from a password-reset email", page.Html, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("input[name='Input.Password']"));
    }

    [Theory]
    [InlineData("/Identity/Account/ResendEmailConfirmation")]
    [InlineData("/Identity/Account/Register")]
    public async Task Closed_pages_answer_not_found(string path)
    {
        var client = _app.CreateBrowserlessClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
    }

    private static Task<HttpResponseMessage> PostResetAsync(HttpClient client, string email, string password) =>
        PostFormAsync(client, ResetPasswordPath, new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
            ["Input.Code"] = "CfDJ8-not-a-real-code",
        }, formPath: ResetPasswordPath + "?code=bm90LWEtY29kZQ");

    private static async Task<string> FormErrorAsync(HttpResponseMessage response) =>
        OrganizerBrowser.FormError(await OrganizerBrowser.ParseAsync(response));

    private static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> request)
    {
        var watch = Stopwatch.StartNew();
        using var response = await request();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    [Theory]
    [InlineData("/Identity/Account/ConfirmEmailChange")]
    [InlineData("/Identity/Account/ConfirmEmailChange?userId=x&email=a@example.org")]
    public async Task Incomplete_email_change_link_goes_home(string url)
    {
        using var app = new AppFactory();
        var client = app.CreateBrowserlessClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(app.Logs.Records, r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }
}
