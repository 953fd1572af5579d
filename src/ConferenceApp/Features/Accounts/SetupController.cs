using System.ComponentModel.DataAnnotations;
using ConferenceApp.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ConferenceApp.Features.Accounts;

/// <summary>
/// The first-run setup page: creates the first organizer account with the one-time token from
/// the start-up log. It returns 404 once any organizer exists.
/// </summary>
[AllowAnonymous]
[Route("/setup")]
public sealed class SetupController(
    FirstRunSetup setup,
    OrganizerAccounts accounts,
    SignInManager<IdentityUser> signIn,
    ILogger<SetupController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? token)
    {
        if (!await IsOpenAsync())
        {
            return NotFound();
        }

        return View(new SetupForm { Token = token ?? "" });
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(SetupForm form)
    {
        if (!await IsOpenAsync())
        {
            return NotFound();
        }

        if (!setup.Accepts(form.Token))
        {
            logger.LogWarning("First-run setup rejected an invalid token");
            ModelState.AddModelError(nameof(SetupForm.Token), HttpContext.InterfaceText()["The setup token is invalid. Copy it from the line \"No organizer account exists\" in the app's log."]);
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var token = form.Token.Trim();
        if (!setup.TrySpend(token))
        {
            // Another request spent the token between the check and now.
            return NotFound();
        }

        var result = await accounts.CreateAsync(form.Email.Trim(), form.Password, allowExistingAccount: false);
        if (!result.Succeeded)
        {
            setup.Restore(token);
            foreach (var error in result.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(SetupForm.Password) : nameof(SetupForm.Email);
                ModelState.AddModelError(field, error.Description);
            }

            return View(form);
        }

        var user = await signIn.UserManager.FindByEmailAsync(form.Email.Trim());
        await signIn.SignInAsync(user!, isPersistent: false);
        logger.LogInformation("First-run setup created the organizer account for {Email}", form.Email);
        TempData["Message"] = HttpContext.InterfaceText()["Your organizer account is ready."].Value;
        return LocalRedirect("/organize");
    }

    // The token lives in this process, but an organizer may have been created by the command
    // in another process since start-up, so the database decides whether setup is still open.
    private async Task<bool> IsOpenAsync()
    {
        if (!setup.IsOpen)
        {
            return false;
        }

        if (await accounts.AnyOrganizerExistsAsync())
        {
            setup.Close();
            return false;
        }

        return true;
    }
}

public sealed class SetupForm
{
    [Required(ErrorMessage = "Enter the setup token from the app's log.")]
    [Display(Name = "Setup token")]
    public string Token { get; set; } = "";

    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    [DataType(DataType.Password)]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "The password must be 12 to 200 characters long.")]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Type the password again.")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    [Display(Name = "Password again")]
    public string ConfirmPassword { get; set; } = "";
}
