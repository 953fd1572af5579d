using System.ComponentModel.DataAnnotations;
using System.Text;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Infrastructure.Localization;
using ConferenceApp.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace ConferenceApp.Areas.Identity.Pages.Account;

/// <summary>
/// The page behind the link in a password-reset email. It replaces the Identity UI's own, which
/// reports success for an email without an account and an error for a wrong code, and so
/// reveals which emails have one. Here both get the same error. A successful reset also ends a
/// lockout, because the holder of the emailed link controls the account's mailbox.
/// </summary>
[AllowAnonymous]
[RateLimited(RateLimitGroup.PasswordReset)]
public sealed class ResetPasswordModel(UserManager<IdentityUser> users, ILogger<ResetPasswordModel> logger) : PageModel
{
    public const string InvalidLinkMessage =
        "The password could not be reset: the link is invalid or expired, or it was sent to another email address. Check the email address, or request a new link below.";

    [BindProperty]
    public ResetPasswordInput Input { get; set; } = new();

    /// <summary>False when the page was opened without the code from the email, so there is no form to show.</summary>
    public bool HasCode { get; private set; }

    public void OnGet(string? code = null)
    {
        HasCode = TryDecode(code, out var decoded);
        Input.Code = decoded;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        HasCode = !string.IsNullOrEmpty(Input.Code);
        if (!ModelState.IsValid || !HasCode)
        {
            return Page();
        }

        // The password rules are checked first, so the response to a weak password is the same whether or not the email has an account.
        var email = Input.Email.Trim();
        if (!await AddPasswordErrorsAsync(new IdentityUser { UserName = email, Email = email }))
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            logger.LogWarning("Rejected a password reset for an email without an account, email hash {EmailHash}", EmailHash.Of(email));
            ModelState.AddModelError(string.Empty, HttpContext.InterfaceText()[InvalidLinkMessage]);
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, Input.Code, Input.Password);
        if (!result.Succeeded)
        {
            logger.LogWarning("Rejected a password reset for user {UserId}: {ErrorCodes}", user.Id, string.Join(", ", result.Errors.Select(e => e.Code)));
            ModelState.AddModelError(string.Empty, HttpContext.InterfaceText()[InvalidLinkMessage]);
            return Page();
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        logger.LogInformation("User {UserId} set a new password through a reset link", user.Id);
        return RedirectToPage("./ResetPasswordConfirmation");
    }

    // Returns false and adds the validators' messages to the password field when the password breaks a rule.
    private async Task<bool> AddPasswordErrorsAsync(IdentityUser user)
    {
        var valid = true;
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, Input.Password);
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Password)}", error.Description);
                valid = false;
            }
        }

        return valid;
    }

    // The email carries the code Base64url-encoded, as the Identity UI's forgot-password page writes it.
    private static bool TryDecode(string? code, out string decoded)
    {
        decoded = "";
        if (string.IsNullOrEmpty(code))
        {
            return false;
        }

        try
        {
            decoded = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
            return decoded.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public sealed class ResetPasswordInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter a new password.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Enter the new password again.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The two passwords differ. Enter the same password twice.")]
        [Display(Name = "New password again")]
        public string ConfirmPassword { get; set; } = "";

        public string Code { get; set; } = "";
    }
}
