using System.Net;
using ConferenceApp.Domain;
using ConferenceApp.Features.Accounts.TwoFactor;
using ConferenceApp.Testing;
using ConferenceApp.Tests.Organize;
using ConferenceApp.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ConferenceApp.Tests.Accounts;

/// <summary>Turning on two-factor sign-in, and signing in with an authenticator code or a recovery code, through the real app.</summary>
public sealed class TwoFactorSignInTests : OrganizerTestBase
{
    private HttpClient Organizer => Browser.Client;

    // Signs in with the password on a new client, which then waits on the code page.
    private async Task<HttpClient> PasswordStepAsync()
    {
        var client = App.CreateBrowserlessClient();
        var response = await TwoFactorSteps.SignInWithPasswordAsync(client, AppFactory.OrganizerEmail, AppFactory.OrganizerPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/LoginWith2fa", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        return client;
    }

    private static async Task AssertSignedOutAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/organize", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", response.Headers.Location?.AbsolutePath, StringComparison.Ordinal);
    }

    private async Task<List<AuditEntry>> AccountAuditAsync()
    {
        await using var scope = App.OpenDb();
        return await scope.Db.AuditEntries.Where(a => a.EntityType == "Account").OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task Enabled_account_signs_in_with_code()
    {
        var secrets = await TwoFactorSteps.EnableAsync(Organizer);
        var client = await PasswordStepAsync();

        await AssertSignedOutAsync(client);
        var response = await TwoFactorSteps.PostAuthenticatorCodeAsync(client, Totp.Code(secrets.SharedKey));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/organize", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/organize", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Enabling_is_audited_without_secrets()
    {
        var secrets = await TwoFactorSteps.EnableAsync(Organizer);

        var entry = Assert.Single(await AccountAuditAsync());
        Assert.Equal("TwoFactorOn", entry.Action);
        Assert.Equal(AppFactory.OrganizerEmail, entry.Actor);
        Assert.Null(entry.ConferenceId);
        Assert.Contains("\"RecoveryCodesLeft\":[0,10]", entry.Changes, StringComparison.Ordinal);
        Assert.Contains(App.Logs.Records, record => record.Message.Contains("turned on two-factor sign-in", StringComparison.Ordinal));

        var secretTexts = secrets.RecoveryCodes.Append(secrets.SharedKey).ToList();
        foreach (var record in App.Logs.Records)
        {
            Assert.DoesNotContain(secretTexts, secret => record.Message.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Setup_rejects_wrong_and_malformed_codes()
    {
        var setup = await Organizer.GetStringAsync(new Uri("/account/two-factor/setup", UriKind.Relative));
        var key = TwoFactorSteps.SharedKey(setup);

        var malformed = await TwoFactorSteps.PostAsync(Organizer, "/account/two-factor/setup", setup, ("Code", "12 34"));
        var stale = await TwoFactorSteps.PostAsync(Organizer, "/account/two-factor/setup", setup, ("Code", TwoFactorSteps.StaleCode(key)));

        Assert.Equal(HttpStatusCode.OK, malformed.StatusCode);
        Assert.Contains("Enter the 6-digit code", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var stalePage = await stale.Content.ReadAsStringAsync();
        Assert.Contains("The code is not valid", stalePage, StringComparison.Ordinal);
        Assert.Equal(key, TwoFactorSteps.SharedKey(stalePage));
        Assert.Empty(await AccountAuditAsync());
    }

    [Fact]
    public async Task Wrong_code_is_rejected()
    {
        var secrets = await TwoFactorSteps.EnableAsync(Organizer);
        var client = await PasswordStepAsync();

        var response = await TwoFactorSteps.PostAuthenticatorCodeAsync(client, TwoFactorSteps.StaleCode(secrets.SharedKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The code is not valid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertSignedOutAsync(client);
    }

    [Fact]
    public async Task Repeated_wrong_codes_lock_out()
    {
        var secrets = await TwoFactorSteps.EnableAsync(Organizer);
        var client = await PasswordStepAsync();

        string page = "";
        for (var attempt = 0; attempt < 5; attempt++)
        {
            page = await (await TwoFactorSteps.PostAuthenticatorCodeAsync(client, TwoFactorSteps.StaleCode(secrets.SharedKey))).Content.ReadAsStringAsync();
        }

        Assert.Contains("Too many failed attempts", page, StringComparison.Ordinal);
        var right = await TwoFactorSteps.PostAuthenticatorCodeAsync(client, Totp.Code(secrets.SharedKey));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Too many failed attempts", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertSignedOutAsync(client);
    }

    [Fact]
    public async Task Recovery_code_works_once()
    {
        var secrets = await TwoFactorSteps.EnableAsync(Organizer);
        var first = await PasswordStepAsync();

        var used = await TwoFactorSteps.PostRecoveryCodeAsync(first, secrets.RecoveryCodes[0].ToLowerInvariant());

        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        var next = await first.GetStringAsync(used.Headers.Location!);
        Assert.Contains("You have 9 recovery codes left.", next, StringComparison.Ordinal);

        var second = await PasswordStepAsync();
        var reused = await TwoFactorSteps.PostRecoveryCodeAsync(second, secrets.RecoveryCodes[0]);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("not valid or has been used already", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertSignedOutAsync(second);

        var entry = (await AccountAuditAsync()).Last();
        Assert.Equal("RecoveryCodeUsed", entry.Action);
        Assert.Contains("\"RecoveryCodesLeft\":[10,9]", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_recovery_code_gets_message()
    {
        await TwoFactorSteps.EnableAsync(Organizer);
        var client = await PasswordStepAsync();

        var response = await TwoFactorSteps.PostRecoveryCodeAsync(client, "  ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter one of the recovery codes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_page_without_password_step_returns_to_login()
    {
        var client = App.CreateBrowserlessClient();

        var response = await client.GetAsync(new Uri("/Identity/Account/LoginWith2fa", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Identity/Account/Login", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/Identity/Account/Manage/TwoFactorAuthentication")]
    [InlineData("/Identity/Account/Manage/EnableAuthenticator")]
    [InlineData("/Identity/Account/Manage/Disable2fa")]
    public async Task Identity_ui_two_factor_pages_stay_closed(string path)
    {
        var response = await Organizer.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Disabled_account_signs_in_with_password()
    {
        await TwoFactorSteps.EnableAsync(Organizer);

        var disable = await TwoFactorSteps.PostSettingAsync(Organizer, "/account/two-factor/disable");

        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Organizer.GetAsync(new Uri("/organize", UriKind.Relative))).StatusCode);
        var client = App.CreateBrowserlessClient();
        var signIn = await TwoFactorSteps.SignInWithPasswordAsync(client, AppFactory.OrganizerEmail, AppFactory.OrganizerPassword);
        Assert.Equal("/organize", signIn.Headers.Location?.OriginalString);
        Assert.Equal("TwoFactorOff", (await AccountAuditAsync()).Last().Action);
    }

    [Fact]
    public async Task Reset_key_ends_old_codes()
    {
        var secrets = await TwoFactorSteps.EnableAsync(Organizer);

        var reset = await TwoFactorSteps.PostSettingAsync(Organizer, "/account/two-factor/reset");

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/account/two-factor/setup", reset.Headers.Location?.OriginalString);
        var setup = await Organizer.GetStringAsync(new Uri("/account/two-factor/setup", UriKind.Relative));
        Assert.NotEqual(secrets.SharedKey, TwoFactorSteps.SharedKey(setup));
        var oldCode = await TwoFactorSteps.PostAsync(Organizer, "/account/two-factor/setup", setup, ("Code", Totp.Code(secrets.SharedKey)));
        Assert.Contains("The code is not valid", await oldCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("KeyReset", (await AccountAuditAsync()).Last().Action);
    }

    [Fact]
    public async Task Operator_reset_restores_password_sign_in()
    {
        await TwoFactorSteps.EnableAsync(Organizer);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = await users.FindByEmailAsync(AppFactory.OrganizerEmail);
            await scope.ServiceProvider.GetRequiredService<TwoFactorOperations>().ResetKeyAsync(user!, CancellationToken.None, actor: "system");
        }

        var client = App.CreateBrowserlessClient();
        var signIn = await TwoFactorSteps.SignInWithPasswordAsync(client, AppFactory.OrganizerEmail, AppFactory.OrganizerPassword);
        Assert.Equal("/organize", signIn.Headers.Location?.OriginalString);
        var entry = (await AccountAuditAsync()).Last();
        Assert.Equal("KeyReset", entry.Action);
        Assert.Equal("system", entry.Actor);
    }

    [Fact]
    public async Task New_recovery_codes_replace_old()
    {
        var secrets = await TwoFactorSteps.EnableAsync(Organizer);

        var regenerate = await TwoFactorSteps.PostSettingAsync(Organizer, "/account/two-factor/recovery-codes");

        Assert.Equal(HttpStatusCode.Redirect, regenerate.StatusCode);
        var codesPage = await Organizer.GetStringAsync(new Uri("/account/two-factor/recovery-codes", UriKind.Relative));
        Assert.DoesNotContain(secrets.RecoveryCodes[0], codesPage, StringComparison.Ordinal);
        var shownAgain = await Organizer.GetAsync(new Uri("/account/two-factor/recovery-codes", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, shownAgain.StatusCode);

        var client = await PasswordStepAsync();
        var old = await TwoFactorSteps.PostRecoveryCodeAsync(client, secrets.RecoveryCodes[1]);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal("CodesRenewed", (await AccountAuditAsync()).Last().Action);
    }
}
