using ConferenceApp.Data;
using ConferenceApp.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Identity;

namespace ConferenceApp.Features.Accounts;

/// <summary>Registers Identity, the organizer policy and the first-run setup.</summary>
public static class AccountsSetup
{
    /// <summary>
    /// The Identity UI pages this app does not offer. Accounts are created by organizers or through
    /// speaker invitations, not by visitors. Email confirmation is not needed because accounts
    /// are created with a confirmed address, and two-factor sign-in stays closed until the
    /// sign-in page handles a second factor. Password reset and email change are open.
    /// </summary>
    private static readonly string[] ClosedIdentityPages =
    [
        "/Account/Register",
        "/Account/RegisterConfirmation",
        "/Account/ExternalLogin",
        "/Account/ResendEmailConfirmation",
        "/Account/ConfirmEmail",
        "/Account/LoginWithRecoveryCode",
        "/Account/LoginWith2fa",
        "/Account/Manage/ExternalLogins",
        "/Account/Manage/TwoFactorAuthentication",
        "/Account/Manage/EnableAuthenticator",
        "/Account/Manage/ResetAuthenticator",
        "/Account/Manage/GenerateRecoveryCodes",
        "/Account/Manage/ShowRecoveryCodes",
        "/Account/Manage/Disable2fa",
        "/Account/Manage/SetPassword",
    ];

    public static IServiceCollection AddConferenceAccounts(this IServiceCollection services)
    {
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddHttpContextAccessor();

        services
            .AddDefaultIdentity<IdentityUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ConferenceDbContext>();

        // A password reset or a role change renews the account's security stamp. Sign-in cookies
        // are checked against it once a minute instead of Identity's default 30 minutes, so an old
        // session ends, and a new role arrives, within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Organizer, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Organizer))
            .AddPolicy(Policies.Speaker, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Speaker));

        services.AddRazorPages(options =>
        {
            foreach (var page in ClosedIdentityPages)
            {
                options.Conventions.AddAreaPageApplicationModelConvention("Identity", page,
                    model => model.Filters.Add(new ClosedPageFilter()));
            }

            // The Identity UI's own page: each request may send an email, so it shares the limits of the new-password form.
            options.Conventions.AddAreaPageApplicationModelConvention("Identity", "/Account/ForgotPassword",
                model => model.EndpointMetadata.Add(new RateLimitedAttribute(RateLimitGroup.PasswordReset)));
        });

        services.AddSingleton<FirstRunSetup>();
        services.AddScoped<OrganizerAccounts>();
        return services;
    }
}
