using ConferenceApp.Infrastructure.Caching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace ConferenceApp.Features.Agenda;

/// <summary>
/// The agenda page: the starred items that the address lists (<c>?items=talk-12,talk-15</c>) in
/// time order, read from the latest release. The address is the share link, so the page works
/// for anyone and without JavaScript; the stars themselves stay in the visitor's browser.
/// </summary>
[AllowAnonymous]
public sealed class AgendaController(AgendaQueries queries) : Controller
{
    /// <summary>The query parameter of the share link; it is also listed in the public cache's varied query keys.</summary>
    public const string ItemsParameter = "items";

    [OutputCache(PolicyName = PublicCache.Policy)]
    [AcceptVerbs("GET", "HEAD", Route = "/{conference}/agenda")]
    public async Task<IActionResult> Agenda(string conference, [FromQuery(Name = ItemsParameter)] string? items, CancellationToken cancellationToken)
    {
        var page = await queries.GetPageAsync(conference, items, cancellationToken);
        return page is null ? NotFound() : View(page);
    }
}
