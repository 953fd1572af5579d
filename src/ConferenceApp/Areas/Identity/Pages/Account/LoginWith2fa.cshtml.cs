using ConferenceApp.Domain;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Infrastructure.Localization;
using ConferenceApp.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConferenceApp.Areas.Identity.Pages.Account;

/// <summary>
/// The sign-in step after the password for an account with two-factor sign-in: the 6-digit code
/// from the authenticator app. Identity counts every wrong code towards the same lockout as a
/// wrong password. It replaces the Identity UI's own page.
/// </summary>
[AllowAnonymous]
[RateLimited(RateLimitGroup.SignIn)]
public sealed class LoginWith2faModel(SignInManager<IdentityUser> signInManager, ILogger<LoginWith2faModel> logger) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public bool RememberMachine { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string RecoveryCodeUrl => TwoFactorLogin.RecoveryCodePage(ReturnUrl, RememberMe);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return PasswordStepExpired();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return PasswordStepExpired();
        }

        var code = TwoFactorCodes.NormalizeAuthenticatorCode(Code);
        if (code is null)
        {
            ModelState.AddModelError(nameof(Code), HttpContext.InterfaceText()["Enter the 6-digit code that your authenticator app shows for this site."]);
            return Page();
        }

        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(code, RememberMe, RememberMachine);
        if (result.Succeeded)
        {
            logger.LogInformation("Account {UserId} signed in with an authenticator code", user.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : await AccountHome.ForAsync(signInManager.UserManager, user));
        }

        if (result.IsLockedOut || await signInManager.UserManager.IsLockedOutAsync(user))
        {
            logger.LogWarning("Rejected an authenticator code for account {UserId}: the account is locked out", user.Id);
            ModelState.AddModelError(string.Empty, HttpContext.InterfaceText()["Too many failed attempts. The account is locked for 15 minutes; try again later."]);
            return Page();
        }

        logger.LogWarning("Rejected an invalid authenticator code for account {UserId}", user.Id);
        ModelState.AddModelError(nameof(Code), HttpContext.InterfaceText()["The code is not valid. Enter the code that the app shows now, because each code works for only about 30 seconds."]);
        return Page();
    }

    // Identity keeps the account that passed the password step in a cookie for 5 minutes.
    private RedirectResult PasswordStepExpired()
    {
        TempData["Message"] = HttpContext.InterfaceText()["Your sign-in took too long. Enter your email and password again."].Value;
        return Redirect(Url.IsLocalUrl(ReturnUrl) ? $"{TwoFactorLogin.LoginPage}?returnUrl={Uri.EscapeDataString(ReturnUrl!)}" : TwoFactorLogin.LoginPage);
    }
}
