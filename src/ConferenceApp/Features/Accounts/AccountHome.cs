using Microsoft.AspNetCore.Identity;

namespace ConferenceApp.Features.Accounts;

/// <summary>The page an account starts on after signing in: organizers in the organizer area, speakers on their own pages.</summary>
public static class AccountHome
{
    public const string Organizer = "/organize";
    public const string Speaker = "/speaker";

    public static async Task<string> ForAsync(UserManager<IdentityUser> users, IdentityUser? user)
    {
        if (user is not null && !await users.IsInRoleAsync(user, Roles.Organizer) && await users.IsInRoleAsync(user, Roles.Speaker))
        {
            return Speaker;
        }

        return Organizer;
    }
}
