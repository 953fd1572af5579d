using System.ComponentModel.DataAnnotations;
using ConferenceApp.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConferenceApp.Areas.Identity.Pages.Account;

/// <summary>
/// The sign-in page. It replaces the Identity UI's own so that it offers no registration and no
/// external logins, and so that every failed attempt counts towards the lockout.
/// </summary>
[AllowAnonymous]
public sealed class LoginModel(SignInManager<IdentityUser> signInManager, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl = null)
    {
        ReturnUrl = returnUrl;
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = returnUrl;

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signInManager.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {Email} signed in", Input.Email);
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : await HomeOfAsync(Input.Email.Trim()));
        }

        if (result.RequiresTwoFactor)
        {
            logger.LogInformation("User {Email} passed the password step, and the second factor comes next", Input.Email);
            return LocalRedirect(TwoFactorLogin.CodePage(returnUrl, Input.RememberMe));
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in rejected for {Email}: the account is locked out", Input.Email);
            ModelState.AddModelError(string.Empty, "Too many failed attempts. The account is locked for 15 minutes; try again later.");
            return Page();
        }

        // The same message whether or not the email has an account, so the page does not reveal which emails exist.
        logger.LogWarning("Failed sign-in for {Email}", Input.Email);
        ModelState.AddModelError(string.Empty, "The email or password is incorrect.");
        return Page();
    }

    private async Task<string> HomeOfAsync(string email) =>
        await AccountHome.ForAsync(signInManager.UserManager, await signInManager.UserManager.FindByEmailAsync(email));

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }
}
