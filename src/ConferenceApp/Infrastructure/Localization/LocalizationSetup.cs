using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;

namespace ConferenceApp.Infrastructure.Localization;

/// <summary>Registers the interface languages and the order in which a request's language is chosen.</summary>
public static class LocalizationSetup
{
    /// <summary>
    /// The culture that formats numbers and dates, whatever the interface language, so that ids,
    /// addresses, datetime attributes, exports and JSON never change with a visitor's language.
    /// </summary>
    public static readonly CultureInfo FormattingCulture = CultureInfo.GetCultureInfo("en");

    public static IServiceCollection AddConferenceLocalization(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");

        // Views write Hebrew letters as they are rather than as character references, which would
        // make a translated page several times larger. Other characters outside ASCII, among them
        // the bidirectional controls, stay encoded.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.BasicLatin, UnicodeRanges.Hebrew));
        services.AddSingleton(_ => CultureChoice.Parse(ConfiguredCultures(configuration)));

        // The interface language comes from the culture cookie, then from Accept-Language, then the
        // first configured culture. A query string does not choose it, so that an address always
        // shows the visitor's own language. Content-Language names the language of each response.
        services.AddOptions<RequestLocalizationOptions>()
            .Configure<CultureChoice>((options, choice) =>
            {
                options.DefaultRequestCulture = new RequestCulture(FormattingCulture, choice.Default);
                options.SupportedCultures = [FormattingCulture];
                options.SupportedUICultures = [.. choice.Cultures];
                options.FallBackToParentUICultures = true;
                options.ApplyCurrentCultureToResponseHeaders = true;
                options.RequestCultureProviders =
                [
                    new CultureCookieProvider(choice),
                    new AcceptLanguageHeaderRequestCultureProvider(),
                ];
            });

        return services;
    }

    /// <summary>
    /// Applies the chosen language to each request. Resolving the cultures here makes a wrong
    /// <see cref="CultureChoice.ConfigurationKey"/> stop the app at start, with a message that names it.
    /// </summary>
    public static WebApplication UseConferenceLocalization(this WebApplication app)
    {
        app.Services.GetRequiredService<CultureChoice>();
        app.UseRequestLocalization();
        return app;
    }

    // The setting may be one string ("en,he") or, in JSON, an array (["en", "he"]).
    private static string? ConfiguredCultures(IConfiguration configuration)
    {
        var section = configuration.GetSection(CultureChoice.ConfigurationKey);
        var items = section.GetChildren().Select(child => child.Value).OfType<string>().ToList();
        return items.Count > 0 ? string.Join(',', items) : section.Value;
    }
}
