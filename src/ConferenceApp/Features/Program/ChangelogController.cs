using ConferenceApp.Infrastructure.Caching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace ConferenceApp.Features.Program;

/// <summary>The public changelog of a conference's program, as a page and as an Atom feed. Both accept HEAD as well as GET.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class ChangelogController(ChangelogQueries queries, TimeProvider time) : Controller
{
    [AcceptVerbs("GET", "HEAD", Route = "/{conference}/changes")]
    public async Task<IActionResult> Index(string conference, CancellationToken cancellationToken)
    {
        var page = await queries.GetAsync(conference, cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [AcceptVerbs("GET", "HEAD", Route = "/{conference}/changes.atom")]
    public async Task<IActionResult> Feed(string conference, CancellationToken cancellationToken)
    {
        var page = await queries.GetAsync(conference, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        // With Site:PublicUrl set, PublicAddress has already given the request the public scheme, host and path base.
        var siteUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        using var buffer = new MemoryStream();
        await AtomFeed.WriteAsync(buffer, page, siteUrl, time.GetUtcNow());
        return File(buffer.ToArray(), AtomFeed.ContentType);
    }
}
