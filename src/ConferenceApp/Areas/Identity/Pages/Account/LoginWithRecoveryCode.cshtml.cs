using ConferenceApp.Features.Accounts;
using ConferenceApp.Features.Accounts.TwoFactor;
using ConferenceApp.Infrastructure.Localization;
using ConferenceApp.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConferenceApp.Areas.Identity.Pages.Account;

/// <summary>
/// The sign-in step after the password with a recovery code in place of the authenticator code.
/// The code is spent, and the next page shows how many are left. It replaces the Identity UI's own page.
/// </summary>
[AllowAnonymous]
[RateLimited(RateLimitGroup.SignIn)]
public sealed class LoginWithRecoveryCodeModel(
    SignInManager<IdentityUser> signInManager,
    TwoFactorOperations operations) : PageModel
{
    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string CodePageUrl => TwoFactorLogin.CodePage(ReturnUrl, RememberMe);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return PasswordStepExpired();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return PasswordStepExpired();
        }

        if (string.IsNullOrWhiteSpace(RecoveryCode))
        {
            ModelState.AddModelError(nameof(RecoveryCode), HttpContext.InterfaceText()["Enter one of the recovery codes you saved when you set up two-factor sign-in."]);
            return Page();
        }

        var outcome = await operations.SignInWithRecoveryCodeAsync(user, RecoveryCode, cancellationToken);
        if (outcome.Result.Succeeded)
        {
            var text = HttpContext.InterfaceText();
            TempData["Message"] = (outcome.CodesLeft switch
            {
                0 => text["You signed in with your last recovery code. Make new ones now under Two-factor sign-in, in your account."],
                1 => text["You signed in with a recovery code, which no longer works. You have 1 recovery code left."],
                _ => text["You signed in with a recovery code, which no longer works. You have {0} recovery codes left.", outcome.CodesLeft],
            }).Value;
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : await AccountHome.ForAsync(signInManager.UserManager, user));
        }

        if (outcome.Result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty, HttpContext.InterfaceText()["Too many failed attempts. The account is locked for 15 minutes; try again later."]);
            return Page();
        }

        ModelState.AddModelError(nameof(RecoveryCode), HttpContext.InterfaceText()["That recovery code is not valid or has been used already. Check it and try again, or use another one."]);
        return Page();
    }

    private RedirectResult PasswordStepExpired()
    {
        TempData["Message"] = HttpContext.InterfaceText()["Your sign-in took too long. Enter your email and password again."].Value;
        return Redirect(Url.IsLocalUrl(ReturnUrl) ? $"{TwoFactorLogin.LoginPage}?returnUrl={Uri.EscapeDataString(ReturnUrl!)}" : TwoFactorLogin.LoginPage);
    }
}
