using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ConferenceApp.Features.Accounts.TwoFactor;

/// <summary>
/// Part of the Organizer policy: met when <see cref="AccountOptions.RequireTwoFactorForOrganizers"/>
/// is off, or when the signed-in account has two-factor sign-in turned on.
/// </summary>
public sealed class OrganizerTwoFactorRequirement : IAuthorizationRequirement;

/// <summary>
/// Checks <see cref="OrganizerTwoFactorRequirement"/> against the stored account, because the
/// sign-in cookie does not record whether two-factor sign-in was turned on since it was issued.
/// This costs one query per organizer request, and only while the setting is on.
/// </summary>
internal sealed class OrganizerTwoFactorHandler(
    IOptionsMonitor<AccountOptions> options,
    UserManager<IdentityUser> users) : AuthorizationHandler<OrganizerTwoFactorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OrganizerTwoFactorRequirement requirement)
    {
        if (!options.CurrentValue.RequireTwoFactorForOrganizers)
        {
            context.Succeed(requirement);
            return;
        }

        var user = await users.GetUserAsync(context.User);
        if (user is not null && await users.GetTwoFactorEnabledAsync(user))
        {
            context.Succeed(requirement);
        }
    }
}
