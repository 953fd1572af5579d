using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ConferenceApp.Areas.Identity.Pages;

/// <summary>
/// The Identity area's start page, which the Identity UI's pages redirect to after an incomplete
/// link (such as an email-change confirmation without its code). It sends the visitor to the
/// site's start page, because without it those redirects fail with an error.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");
}
