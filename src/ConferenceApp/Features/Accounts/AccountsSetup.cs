using ConferenceApp.Data;
using ConferenceApp.Features.Accounts.TwoFactor;
using ConferenceApp.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;

namespace ConferenceApp.Features.Accounts;

/// <summary>Registers Identity, the authorization policies and the first-run setup.</summary>
public static class AccountsSetup
{
    /// <summary>
    /// The Identity UI pages this app does not offer. Accounts are created by organizers or through
    /// speaker invitations, not by visitors. Email confirmation is not needed because accounts
    /// are created with a confirmed address. Two-factor sign-in is managed at /account/two-factor
    /// (<see cref="TwoFactor.TwoFactorController"/>), and its sign-in steps replace the Identity
    /// UI's pages, so the Identity UI's own management pages stay closed. Password reset and
    /// email change are open.
    /// </summary>
    private static readonly string[] ClosedIdentityPages =
    [
        "/Account/Register",
        "/Account/RegisterConfirmation",
        "/Account/ExternalLogin",
        "/Account/ResendEmailConfirmation",
        "/Account/ConfirmEmail",
        "/Account/Manage/ExternalLogins",
        "/Account/Manage/TwoFactorAuthentication",
        "/Account/Manage/EnableAuthenticator",
        "/Account/Manage/ResetAuthenticator",
        "/Account/Manage/GenerateRecoveryCodes",
        "/Account/Manage/ShowRecoveryCodes",
        "/Account/Manage/Disable2fa",
        "/Account/Manage/SetPassword",
    ];

    public static IServiceCollection AddConferenceAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountOptions>().Bind(configuration.GetSection(AccountOptions.Section));

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

        // Deny by default: an endpoint without [Authorize] or [AllowAnonymous] needs a signed-in
        // account, so a new page is closed to visitors until it opts out with [AllowAnonymous].
        // The fallback policy also runs for a request that matches no route, which has no endpoint
        // or the plain (not routed) endpoint that routing adds to return 405. Those requests get
        // 404 or 405 rather than the sign-in page, so the policy lets them through.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAssertion(context => context.User.Identity?.IsAuthenticated == true
                    || context.Resource is HttpContext { } http && http.GetEndpoint() is null or not RouteEndpoint)
                .Build())
            .AddPolicy(Policies.Organizer, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Organizer)
                .AddRequirements(new OrganizerTwoFactorRequirement()))
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

        services.AddScoped<IAuthorizationHandler, OrganizerTwoFactorHandler>();
        services.AddScoped<TwoFactorOperations>();

        services.AddSingleton<FirstRunSetup>();
        services.AddScoped<OrganizerAccounts>();
        return services;
    }
}
