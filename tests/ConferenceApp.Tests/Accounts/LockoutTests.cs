using System.Net;
using System.Text;
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

/// <summary>Identity's lockout after failed sign-ins, as the sign-in page, the reset page and the accounts use it.</summary>
public sealed class LockoutTests : IDisposable
{
    private const string Email = "locked@example.org";
    private const string Password = "the right long password";
    private const string Incorrect = "The email or password is incorrect.";

    private readonly AppFactory _app = new();

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Fifth_failure_locks_account()
    {
        var userId = await CreateUserAsync(_app, Email, Password, Roles.Organizer);

        await FailFiveTimesAsync();

        await using var scope = _app.OpenDb();
        var user = await scope.Db.Users.SingleAsync(u => u.Id == userId);
        Assert.True(user.LockoutEnabled);
        Assert.NotNull(user.LockoutEnd);
        Assert.InRange(user.LockoutEnd.Value, DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(16));
        var entry = Assert.Single(_app.Logs.Records, r => r.Message.StartsWith("Locked out user", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(userId, entry.Values["UserId"]);
    }

    [Fact]
    public async Task Right_password_shows_lockout()
    {
        await CreateUserAsync(_app, Email, Password, Roles.Organizer);
        await FailFiveTimesAsync();
        var client = _app.CreateBrowserlessClient();

        var response = await SignInAsync(client, Email, Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = OrganizerBrowser.FormError(await OrganizerBrowser.ParseAsync(response));
        Assert.Contains("This account is locked after too many failed sign-in attempts", message, StringComparison.Ordinal);
        Assert.Contains("Try again in 15 minutes", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/organize", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Wrong_password_hides_lockout()
    {
        await CreateUserAsync(_app, Email, Password, Roles.Organizer);
        await FailFiveTimesAsync();

        var response = await SignInAsync(_app.CreateBrowserlessClient(), Email, "still the wrong password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Incorrect, OrganizerBrowser.FormError(await OrganizerBrowser.ParseAsync(response)));
    }

    [Fact]
    public async Task Password_reset_ends_lockout()
    {
        var userId = await CreateUserAsync(_app, Email, Password, Roles.Organizer);
        await FailFiveTimesAsync();
        var code = await ResetCodeAsync(userId);
        var client = _app.CreateBrowserlessClient();

        var reset = await PostFormAsync(client, ResetPasswordPath, new()
        {
            ["Input.Email"] = Email,
            ["Input.Password"] = "a brand new long password",
            ["Input.ConfirmPassword"] = "a brand new long password",
            ["Input.Code"] = code,
        }, formPath: $"{ResetPasswordPath}?code={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(code))}");

        Assert.Contains("ResetPasswordConfirmation", OrganizerBrowser.RedirectTarget(reset), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, Email, "a brand new long password")).StatusCode);
    }

    [Fact]
    public async Task Create_organizer_ends_lockout()
    {
        await CreateUserAsync(_app, Email, Password);
        await FailFiveTimesAsync();

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<OrganizerAccounts>().CreateAsync(Email, "an operator's new password", allowExistingAccount: true);
            Assert.True(result.Succeeded);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(_app.CreateBrowserlessClient(), Email, "an operator's new password")).StatusCode);
    }

    [Fact]
    public async Task New_organizer_has_lockout_enabled()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<OrganizerAccounts>().CreateAsync(Email, Password, allowExistingAccount: false);
        Assert.True(result.Succeeded);

        var user = await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(Email);
        Assert.True(user!.LockoutEnabled);
    }

    [Fact]
    public async Task Start_enables_lockout_for_old_accounts()
    {
        var folder = AppFactory.NewTempFolder();
        var databasePath = Path.Combine(folder, "conference.db");
        try
        {
            string userId;
            await using (var first = AppFactory.OnDatabaseFile(databasePath))
            {
                userId = await CreateUserAsync(first, Email, Password);
                await using var scope = first.OpenDb();
                await scope.Db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnabled, false));
            }

            await using var second = AppFactory.OnDatabaseFile(databasePath);
            await using var check = second.OpenDb();
            Assert.True(await check.Db.Users.Where(u => u.Id == userId).Select(u => u.LockoutEnabled).SingleAsync());
            Assert.Contains(second.Logs.Records, r => r.Message == "Enabled the sign-in lockout for 1 existing accounts");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task FailFiveTimesAsync()
    {
        var client = _app.CreateBrowserlessClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var response = await SignInAsync(client, Email, $"wrong password {attempt}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(Incorrect, OrganizerBrowser.FormError(await OrganizerBrowser.ParseAsync(response)));
        }
    }

    private async Task<string> ResetCodeAsync(string userId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        return await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(userId))!);
    }
}
