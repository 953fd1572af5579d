using System.Text;
using ConferenceApp.Domain;
using ConferenceApp.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ConferenceApp.Features.Accounts.TwoFactor;

/// <summary>
/// The signed-in account's two-factor sign-in with an authenticator app: status, set-up,
/// recovery codes, turning it off and resetting the key. It is open to every account, organizers
/// and speakers alike. It must stay outside the Organizer policy, because that policy sends
/// organizers here when the site requires two-factor sign-in.
/// </summary>
[Authorize]
[Route(TwoFactorPaths.Index)]
public sealed class TwoFactorController(
    TwoFactorOperations operations,
    UserManager<IdentityUser> users,
    SignInManager<IdentityUser> signIn,
    IOptionsMonitor<AccountOptions> options) : Controller
{
    /// <summary>The issuer name that authenticator apps show beside the account.</summary>
    public const string Issuer = "ConferenceApp";

    // The new codes travel to the page that shows them in the encrypted TempData cookie, and are read once.
    private const string NewCodesKey = "NewRecoveryCodes";

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await CurrentUserAsync();
        return View(new TwoFactorStatusPage(
            await users.GetTwoFactorEnabledAsync(user),
            await users.CountRecoveryCodesAsync(user),
            await IsRequiredForAsync(user),
            await AccountHome.ForAsync(users, user)));
    }

    [HttpGet("setup")]
    public async Task<IActionResult> Setup()
    {
        var user = await CurrentUserAsync();
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            TempData["Message"] = HttpContext.InterfaceText()["Two-factor sign-in is already on. To move it to another app, reset the key first."].Value;
            return Redirect(TwoFactorPaths.Index);
        }

        return View(await SetupPageAsync(user, new EnableForm()));
    }

    [HttpPost("setup")]
    public async Task<IActionResult> Setup(EnableForm form, CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return Redirect(TwoFactorPaths.Index);
        }

        var result = await operations.EnableAsync(user, form.Code, cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(EnableForm.Code), result.Error!);
            return View(await SetupPageAsync(user, form));
        }

        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = HttpContext.InterfaceText()["Two-factor sign-in is on. From now on, signing in asks for a code from your authenticator app."].Value;
        TempData[NewCodesKey] = string.Join('\n', result.RecoveryCodes!);
        return Redirect(TwoFactorPaths.RecoveryCodes);
    }

    [HttpGet("recovery-codes")]
    public async Task<IActionResult> RecoveryCodes()
    {
        if (TempData[NewCodesKey] is not string joined)
        {
            TempData["Message"] = HttpContext.InterfaceText()["Recovery codes are shown only once, right after they are made. Make new ones if you have lost them."].Value;
            return Redirect(TwoFactorPaths.Index);
        }

        var user = await CurrentUserAsync();
        var codes = joined.Split('\n');
        return View(new RecoveryCodesPage(codes, DownloadUrl(codes), await AccountHome.ForAsync(users, user)));
    }

    [HttpPost("recovery-codes")]
    public async Task<IActionResult> RegenerateRecoveryCodes(CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        var codes = await operations.RegenerateRecoveryCodesAsync(user, cancellationToken);
        if (codes is null)
        {
            TempData["Message"] = HttpContext.InterfaceText()["Two-factor sign-in is off, so there are no recovery codes to replace. Set it up first."].Value;
            return Redirect(TwoFactorPaths.Index);
        }

        TempData["Message"] = HttpContext.InterfaceText()["New recovery codes are ready. The old ones no longer work."].Value;
        TempData[NewCodesKey] = string.Join('\n', codes);
        return Redirect(TwoFactorPaths.RecoveryCodes);
    }

    [HttpPost("disable")]
    public async Task<IActionResult> Disable(CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        if (await IsRequiredForAsync(user))
        {
            TempData["Message"] = HttpContext.InterfaceText()["This site requires two-factor sign-in for organizers, so it cannot be turned off. To use another app, reset the key."].Value;
            return Redirect(TwoFactorPaths.Index);
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            await operations.DisableAsync(user, cancellationToken);
            await signIn.RefreshSignInAsync(user);
        }

        TempData["Message"] = HttpContext.InterfaceText()["Two-factor sign-in is off. Signing in asks only for your password."].Value;
        return Redirect(TwoFactorPaths.Index);
    }

    [HttpPost("reset")]
    public async Task<IActionResult> Reset(CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        await operations.ResetKeyAsync(user, cancellationToken);
        await signIn.RefreshSignInAsync(user);

        TempData["Message"] = HttpContext.InterfaceText()["The old key no longer works, and two-factor sign-in is off until you add the new key to your app."].Value;
        return Redirect(TwoFactorPaths.Setup);
    }

    private async Task<TwoFactorSetupPage> SetupPageAsync(IdentityUser user, EnableForm form)
    {
        var (key, created) = await operations.AuthenticatorKeyAsync(user);
        if (created)
        {
            await signIn.RefreshSignInAsync(user);
        }

        var uri = TwoFactorCodes.AuthenticatorUri(Issuer, user.Email ?? user.UserName ?? user.Id, key);
        return new TwoFactorSetupPage(TwoFactorCodes.FormatSharedKey(key), uri, QrCodeImage.PngDataUrl(uri), await IsRequiredForAsync(user), form);
    }

    private async Task<bool> IsRequiredForAsync(IdentityUser user) =>
        options.CurrentValue.RequireTwoFactorForOrganizers && await users.IsInRoleAsync(user, Roles.Organizer);

    // The cookie outlives a deleted account only until the security stamp check, at most a minute.
    private async Task<IdentityUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in account no longer exists.");

    // A text file with one code per line, as a data: URL that the download link saves without script.
    private static string DownloadUrl(IEnumerable<string> codes)
    {
        var text = $"Recovery codes for {Issuer}. Each works once.\n\n{string.Join('\n', codes)}\n";
        return $"data:text/plain;charset=utf-8;base64,{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}";
    }
}
