using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace ConferenceApp.Infrastructure;

/// <summary>Registers and orders the MVC, localization and error-page parts of the app.</summary>
public static class WebSetup
{
    /// <summary>The request header in which scripts send the antiforgery token with a JSON POST, such as the schedule editor's drags.</summary>
    public const string AntiforgeryHeader = "RequestVerificationToken";

    public static IServiceCollection AddConferenceWeb(this IServiceCollection services, IConfiguration configuration)
    {
        // Keys that protect the login and antiforgery cookies. Without a folder they live in the
        // user profile, which a container loses on restart, signing everyone out.
        var keysFolder = configuration["DataProtection:KeysFolder"];
        if (!string.IsNullOrWhiteSpace(keysFolder))
        {
            services.AddDataProtection()
                .SetApplicationName("ConferenceApp")
                .PersistKeysToFileSystem(Directory.CreateDirectory(keysFolder));
        }

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

        services.AddLocalization(options => options.ResourcesPath = "Resources");

        services
            .AddControllersWithViews(options =>
            {
                // Every unsafe request (POST, PUT, DELETE) must carry a valid antiforgery token.
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());

                // The message appears next to its field, so it need not name the property.
                var messages = options.ModelBindingMessageProvider;
                messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"The value \"{value}\" is invalid here.");
                messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"The value \"{value}\" is invalid here.");
                messages.SetValueMustBeANumberAccessor(_ => "Enter a whole number.");
                messages.SetValueIsInvalidAccessor(value => $"The value \"{value}\" is invalid here.");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization()
            .AddRazorOptions(options => options.ViewLocationExpanders.Add(new FeatureViewLocationExpander()));

        services.AddRazorPages();

        services.Configure<RequestLocalizationOptions>(options =>
        {
            var english = new CultureInfo("en");
            options.DefaultRequestCulture = new RequestCulture(english);
            options.SupportedCultures = [english];
            options.SupportedUICultures = [english];
        });

        return services;
    }

    public static WebApplication UseConferenceWeb(this WebApplication app)
    {
        // Visitors never see exception details, in any environment: the error page shows a
        // reference that matches the id in the log entry.
        app.UsePublicAddress();
        app.UseSecurityHeaders();
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapConferenceRoutes(this WebApplication app)
    {
        // Files under wwwroot are served from the build's manifest: fingerprinted URLs cached for a
        // year, precompressed where the build made gzip or Brotli copies. WithStaticAssets lets the
        // views' "~/" links resolve to the fingerprinted URLs.
        app.MapStaticAssets();
        app.MapControllers().WithStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
