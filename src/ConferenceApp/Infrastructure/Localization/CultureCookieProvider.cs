using Microsoft.AspNetCore.Localization;

namespace ConferenceApp.Infrastructure.Localization;

/// <summary>
/// Reads the language that a visitor chose in the footer from the <see cref="CultureChoice.CookieName"/>
/// cookie. Only the interface language follows it: numbers and dates keep the default culture's
/// formatting, which <see cref="LocalizationSetup"/> fixes.
/// </summary>
internal sealed class CultureCookieProvider(CultureChoice choice) : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var culture = choice.Match(httpContext.Request.Cookies[CultureChoice.CookieName]);
        return Task.FromResult(culture is null ? null : new ProviderCultureResult(choice.Default.Name, culture.Name));
    }
}
