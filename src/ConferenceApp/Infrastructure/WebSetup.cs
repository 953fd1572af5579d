using ConferenceApp.Data;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Infrastructure.Localization;
using ConferenceApp.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ConferenceApp.Infrastructure;

/// <summary>Registers and orders the MVC, localization and error-page parts of the app.</summary>
public static class WebSetup
{
    /// <summary>The request header in which scripts send the antiforgery token with a JSON POST, such as the schedule editor's drags.</summary>
    public const string AntiforgeryHeader = "RequestVerificationToken";

    /// <summary>
    /// The Data Protection application name. Instances isolate their keys by this name, so every
    /// instance must use the same one; changing it signs everyone out.
    /// </summary>
    public const string DataProtectionApplicationName = "ConferenceApp";

    /// <summary>The setting that once named a folder for the Data Protection keys; it is no longer read.</summary>
    public const string RetiredKeysFolderKey = "DataProtection:KeysFolder";

    public static IServiceCollection AddConferenceWeb(this IServiceCollection services, IConfiguration configuration)
    {
        // The keys that protect login cookies and antiforgery tokens live in the database, so that
        // every app instance on it accepts what another one issued, and a restart signs no one out.
        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<ConferenceDbContext>();

        // Cookies are Secure whenever the request is HTTPS. With Site:PublicUrl set to an https
        // address, which production requires, every request counts as HTTPS behind a proxy too.
        services.AddAntiforgery(options =>
        {
            options.HeaderName = AntiforgeryHeader;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddClientAddress(configuration);
        services.AddConferenceRateLimits(configuration);
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, LoggedAuthorizationResultHandler>();

        services.AddConferenceLocalization(configuration);

        services
            .AddControllersWithViews(options =>
            {
                // Every unsafe request (POST, PUT, DELETE) must carry a valid antiforgery token.
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddRazorOptions(options => options.ViewLocationExpanders.Add(new FeatureViewLocationExpander()));

        services.AddRazorPages();

        // The message appears next to its field, so it need not name the property. The localizer
        // reads the request's language each time a message is made.
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((options, factory) =>
        {
            var t = factory.Create(typeof(SharedResource));
            var messages = options.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, _) => t["The value \"{0}\" is invalid here.", value]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t["The value \"{0}\" is invalid here.", value]);
            messages.SetValueMustBeANumberAccessor(_ => t["Enter a whole number."]);
            messages.SetValueIsInvalidAccessor(value => t["The value \"{0}\" is invalid here.", value]);
        });

        return services;
    }

    public static WebApplication UseConferenceWeb(this WebApplication app)
    {
        if (!string.IsNullOrWhiteSpace(app.Configuration[RetiredKeysFolderKey]))
        {
            app.Logger.LogWarning(
                "{Setting} is set but no longer read: the Data Protection keys are stored in the database (table DataProtectionKeys). Remove the setting; keys in that folder are not used.",
                RetiredKeysFolderKey);
        }

        // Visitors never see exception details, in any environment: the error page shows a
        // reference that matches the id in the log entry.
        app.UseClientAddress();
        app.UsePublicAddress();
        app.UseSecurityHeaders();
        app.UseWholeResponses();
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseConferenceLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseConferenceRateLimits();
        return app;
    }

    public static WebApplication MapConferenceRoutes(this WebApplication app)
    {
        // Files under wwwroot are served from the build's manifest: fingerprinted URLs cached for a
        // year, precompressed where the build made gzip or Brotli copies. WithStaticAssets lets the
        // views' "~/" links resolve to the fingerprinted URLs. They are public, like the pages that use them.
        app.MapStaticAssets().AllowAnonymous();
        app.MapControllers().WithStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
