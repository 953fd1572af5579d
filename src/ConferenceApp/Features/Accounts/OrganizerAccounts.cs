using Microsoft.AspNetCore.Identity;

namespace ConferenceApp.Features.Accounts;

/// <summary>Creates organizer accounts, for the create-organizer command and the first-run setup page.</summary>
public sealed class OrganizerAccounts(
    UserManager<IdentityUser> users,
    RoleManager<IdentityRole> roles,
    ILogger<OrganizerAccounts> logger)
{
    public async Task<bool> AnyOrganizerExistsAsync() =>
        await roles.RoleExistsAsync(Roles.Organizer) && (await users.GetUsersInRoleAsync(Roles.Organizer)).Count > 0;

    /// <summary>
    /// Creates an account with the Organizer role. When <paramref name="allowExistingAccount"/> is
    /// true (the command line, run by the server's operator), an existing account with that
    /// email gets the role and the new password instead; otherwise it is an error. Returns
    /// Identity's errors (a weak password, an invalid email) when it fails.
    /// </summary>
    public async Task<IdentityResult> CreateAsync(string email, string password, bool allowExistingAccount)
    {
        if (!await roles.RoleExistsAsync(Roles.Organizer))
        {
            var roleResult = await roles.CreateAsync(new IdentityRole(Roles.Organizer));
            if (!roleResult.Succeeded)
            {
                return roleResult;
            }
        }

        var user = await users.FindByEmailAsync(email);
        if (user is not null && !allowExistingAccount)
        {
            return IdentityResult.Failed(new IdentityError
            {
                Code = "DuplicateEmail",
                Description = $"An account with the email {email} exists already. To make it an organizer, run the create-organizer command on the server.",
            });
        }

        if (user is null)
        {
            user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            var createResult = await users.CreateAsync(user, password);
            if (!createResult.Succeeded)
            {
                return createResult;
            }
        }
        else
        {
            var passwordErrors = await ValidatePasswordAsync(user, password);
            if (passwordErrors is not null)
            {
                return passwordErrors;
            }

            var token = await users.GeneratePasswordResetTokenAsync(user);
            var resetResult = await users.ResetPasswordAsync(user, token, password);
            if (!resetResult.Succeeded)
            {
                return resetResult;
            }

            // The operator sets a new password, so a lockout from earlier failed sign-ins ends with it.
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }

        if (!await users.IsInRoleAsync(user, Roles.Organizer))
        {
            var addResult = await users.AddToRoleAsync(user, Roles.Organizer);
            if (!addResult.Succeeded)
            {
                return addResult;
            }
        }

        logger.LogInformation("Organizer account {UserId} ready for {Email}", user.Id, email);
        return IdentityResult.Success;
    }

    private async Task<IdentityResult?> ValidatePasswordAsync(IdentityUser user, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            if (!result.Succeeded)
            {
                return result;
            }
        }

        return null;
    }
}
