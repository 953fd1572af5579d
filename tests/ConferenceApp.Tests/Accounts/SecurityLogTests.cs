using System.Net;
using System.Text;
using ConferenceApp.Data;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static ConferenceApp.Tests.Accounts.AccountRequests;

namespace ConferenceApp.Tests.Accounts;

/// <summary>The log entries of failed sign-ins, rejected authorization and rejected uploads, read from a real logger provider.</summary>
public sealed class SecurityLogTests : IDisposable
{
    private const string Email = "person@example.org";
    private const string Password = "the right long password";
    private const string Conference = DemoConference.Slug;

    private readonly AppFactory _app = new();

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Failed_sign_in_logs_user_id()
    {
        var userId = await CreateUserAsync(_app, Email, Password, Roles.Organizer);

        await SignInAsync(_app.CreateBrowserlessClient(), Email, "a wrong password");

        var entry = Assert.Single(_app.Logs.Records, r => r.Message.StartsWith("Failed sign-in", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(userId, entry.Values["UserId"]);
        Assert.Equal(1, entry.Values["FailedCount"]);
        Assert.True(entry.ScopeValues.ContainsKey("RequestId"), "The entry has no request id in its scope.");
        Assert.Equal("/Identity/Account/Login", entry.ScopeValues["RequestPath"]);
        AssertNotLogged(Email, "a wrong password");
    }

    [Fact]
    public async Task Failed_sign_in_logs_email_hash()
    {
        await SignInAsync(_app.CreateBrowserlessClient(), "Nobody@Example.org", "a wrong password");

        var entry = Assert.Single(_app.Logs.Records, r => r.Message.StartsWith("Failed sign-in", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(EmailHash.Of("nobody@example.org"), entry.Values["EmailHash"]);
        Assert.Matches("^[0-9a-f]{12}$", (string)entry.Values["EmailHash"]!);
        AssertNotLogged("nobody@example.org", "a wrong password");
    }

    [Fact]
    public async Task Forbidden_request_is_logged()
    {
        var userId = await CreateUserAsync(_app, Email, Password, Roles.Speaker);
        var client = await SignedInClientAsync(_app, Email, Password);

        var response = await client.GetAsync(new Uri($"/organize/{Conference}/rooms", UriKind.Relative));

        Assert.Contains("AccessDenied", OrganizerBrowser.RedirectTarget(response), StringComparison.Ordinal);
        var entry = Assert.Single(_app.Logs.Records, r => r.Message.StartsWith("Authorization", StringComparison.Ordinal) && r.Level == LogLevel.Warning);
        Assert.Equal("forbidden", entry.Values["Outcome"]);
        Assert.Equal(userId, entry.Values["UserId"]);
        Assert.Equal($"/organize/{Conference}/rooms", entry.Values["Path"]);
        Assert.Contains("RolesAuthorizationRequirement", (string)entry.Values["FailedRequirements"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_challenge_is_no_warning()
    {
        var response = await _app.CreateBrowserlessClient().GetAsync(new Uri($"/organize/{Conference}/rooms", UriKind.Relative));

        Assert.Contains("/Identity/Account/Login", OrganizerBrowser.RedirectTarget(response), StringComparison.Ordinal);
        Assert.DoesNotContain(_app.Logs.Records, r => r.Message.StartsWith("Authorization", StringComparison.Ordinal) && r.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Rejected_import_is_logged()
    {
        var userId = await CreateUserAsync(_app, Email, Password, Roles.Organizer);
        var client = await SignedInClientAsync(_app, Email, Password);
        var import = $"/organize/{Conference}/import";

        var response = await PostFileAsync(client, import, import, "file", [], new() { ["format"] = "frab-xml" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var entry = Assert.Single(_app.Logs.Records, r => r.Message.StartsWith("Rejected an import upload", StringComparison.Ordinal));
        Assert.Equal(userId, entry.Values["UserId"]);
        Assert.Equal("the file is missing or empty", entry.Values["Reason"]);
        AssertNotLogged(Email);
    }

    [Fact]
    public async Task Rejected_photo_is_logged()
    {
        var (_, speakerId) = await CreateSpeakerUserAsync(_app, Email, Password);
        var client = await SignedInClientAsync(_app, Email, Password);

        await PostFileAsync(client, $"/speaker/{Conference}/photo", $"/speaker/{Conference}/profile", "photo", [1, 2, 3, 4]);

        var entry = Assert.Single(_app.Logs.Records, r => r.Message.StartsWith("Rejected a photo", StringComparison.Ordinal));
        Assert.Equal(speakerId, entry.Values["SpeakerId"]);
    }

    [Fact]
    public async Task Account_flows_log_no_secrets()
    {
        var userId = await CreateUserAsync(_app, Email, Password, Roles.Organizer);
        var client = _app.CreateBrowserlessClient();
        var loginPage = await client.GetStringAsync(new Uri(LoginPath, UriKind.Relative));
        await SignInAsync(client, Email, "a wrong password");
        var signedIn = await SignInAsync(client, Email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookies = signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0].Split('=', 2)[1]).ToList();

        string code;
        string stamp;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            code = await users.GeneratePasswordResetTokenAsync(user);
            stamp = user.SecurityStamp!;
        }

        var encoded = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(code));
        var anonymous = _app.CreateBrowserlessClient();
        await PostFormAsync(anonymous, ForgotPasswordPath, new() { ["Input.Email"] = Email });
        var reset = await PostFormAsync(anonymous, ResetPasswordPath, new()
        {
            ["Input.Email"] = Email,
            ["Input.Password"] = "a brand new long password",
            ["Input.ConfirmPassword"] = "a brand new long password",
            ["Input.Code"] = code,
        }, formPath: $"{ResetPasswordPath}?code={encoded}");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        Assert.Contains(_app.Logs.Records, r => r.Message == $"User {userId} set a new password through a reset link");
        AssertNotLogged(Password, "a wrong password", "a brand new long password", code, encoded, stamp, AppFactory.AntiforgeryToken(loginPage));
        foreach (var cookie in cookies)
        {
            AssertNotLogged(cookie);
        }
    }

    // Checks every message, template value and scope value of every entry.
    private void AssertNotLogged(params string[] secrets)
    {
        foreach (var record in _app.Logs.Records)
        {
            var texts = record.Values.Values.Concat(record.ScopeValues.Values).Select(v => v?.ToString() ?? "").Append(record.Message);
            foreach (var secret in secrets)
            {
                Assert.False(
                    texts.Any(t => t.Contains(secret, StringComparison.OrdinalIgnoreCase)),
                    $"The entry \"{record.Message}\" of {record.Category} contains \"{secret}\".");
            }
        }
    }
}
