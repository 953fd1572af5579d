using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ConferenceApp.Infrastructure.Localization;

/// <summary>
/// Stores the language chosen in the footer's chooser in the <see cref="CultureChoice.CookieName"/>
/// cookie and returns to the page it was chosen on.
/// </summary>
/// <remarks>
/// The form carries no antiforgery token, because a token would set a cookie on the public pages
/// and keep them out of the output cache. A forged request can only change the language.
/// </remarks>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class LanguageController(CultureChoice choice, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpPost("/culture")]
    public IActionResult Choose([FromForm] string? culture, [FromForm] string? returnUrl)
    {
        var target = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        var chosen = choice.Match(culture);
        if (chosen is null)
        {
            return BadRequest(t["The language \"{0}\" is not offered here. Choose one of: {1}.", culture ?? "", string.Join(", ", choice.Cultures.Select(c => c.Name))].Value);
        }

        Response.Cookies.Append(CultureChoice.CookieName, chosen.Name, new CookieOptions
        {
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
        });
        return LocalRedirect(target);
    }
}
