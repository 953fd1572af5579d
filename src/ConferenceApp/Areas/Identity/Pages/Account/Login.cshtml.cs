using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Infrastructure.Localization;
using ConferenceApp.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConferenceApp.Areas.Identity.Pages.Account;

/// <summary>
/// The sign-in page. It replaces the Identity UI's own so that it offers no registration and no
/// external logins, so that every failed attempt counts towards the lockout, and so that its
/// responses do not reveal which emails have an account.
/// </summary>
[AllowAnonymous]
[RateLimited(RateLimitGroup.SignIn)]
public sealed class LoginModel(
    SignInManager<IdentityUser> signInManager,
    IPasswordHasher<IdentityUser> passwordHasher,
    TimeProvider time,
    ILogger<LoginModel> logger) : PageModel
{
    private const string IncorrectMessage = "The email or password is incorrect.";

    // A hash that no password matches in practice, verified for emails without an account.
    private static string? s_timingHash;

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

        var users = signInManager.UserManager;
        var email = Input.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Checking the password against a hash takes as long as it does for an account, so
            // the response time does not reveal that the email has none either.
            VerifyAgainstTimingHash(Input.Password);
            logger.LogWarning("Failed sign-in for an email without an account, email hash {EmailHash}", EmailHash.Of(email));
            return Incorrect();
        }

        var wasLockedOut = await users.IsLockedOutAsync(user);
        var result = await signInManager.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : await HomeOfAsync(user));
        }

        if (result.RequiresTwoFactor)
        {
            logger.LogInformation("User {UserId} passed the password step, and the second factor comes next", user.Id);
            return LocalRedirect(TwoFactorLogin.CodePage(returnUrl, Input.RememberMe));
        }

        if (result.IsLockedOut)
        {
            return await LockedOutAsync(user, wasLockedOut);
        }

        logger.LogWarning(
            "Failed sign-in for user {UserId}: {Reason}, {FailedCount} failed attempts in a row",
            user.Id, result.IsNotAllowed ? "not allowed" : "wrong password", await users.GetAccessFailedCountAsync(user));
        return Incorrect();
    }

    /// <summary>
    /// Responds to an attempt on a locked-out account. Only someone who gives the right password
    /// learns that the account is locked. Anyone else gets the message of a wrong password, the
    /// same as for an email without an account.
    /// </summary>
    private async Task<IActionResult> LockedOutAsync(IdentityUser user, bool wasLockedOut)
    {
        var users = signInManager.UserManager;
        var lockoutEnd = await users.GetLockoutEndDateAsync(user);
        if (!wasLockedOut)
        {
            logger.LogWarning(
                "Locked out user {UserId} until {LockoutEnd:u} after {MaxFailedAttempts} failed sign-ins in a row",
                user.Id, lockoutEnd, users.Options.Lockout.MaxFailedAccessAttempts);
            return Incorrect();
        }

        // While the account is locked, Identity does not check the password, so it is checked here.
        var passwordIsRight = await users.CheckPasswordAsync(user, Input.Password);
        logger.LogWarning(
            "Rejected a sign-in for locked-out user {UserId} (locked until {LockoutEnd:u}, password right: {PasswordIsRight})",
            user.Id, lockoutEnd, passwordIsRight);
        if (!passwordIsRight)
        {
            return Incorrect();
        }

        var minutes = lockoutEnd is { } end ? Math.Max(1, (int)Math.Ceiling((end - time.GetUtcNow()).TotalMinutes)) : 1;
        var message = minutes == 1
            ? "This account is locked after too many failed sign-in attempts. Try again in {0} minute, or set a new password with the \"Forgot your password?\" link below."
            : "This account is locked after too many failed sign-in attempts. Try again in {0} minutes, or set a new password with the \"Forgot your password?\" link below.";
        ModelState.AddModelError(string.Empty, HttpContext.InterfaceText()[message, minutes]);
        return Page();
    }

    private PageResult Incorrect()
    {
        ModelState.AddModelError(string.Empty, HttpContext.InterfaceText()[IncorrectMessage]);
        return Page();
    }

    private void VerifyAgainstTimingHash(string password)
    {
        s_timingHash ??= passwordHasher.HashPassword(new IdentityUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        passwordHasher.VerifyHashedPassword(new IdentityUser(), s_timingHash, password);
    }

    private async Task<string> HomeOfAsync(IdentityUser user) => await AccountHome.ForAsync(signInManager.UserManager, user);

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
