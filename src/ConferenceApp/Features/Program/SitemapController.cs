using System.Text;
using ConferenceApp.Infrastructure;
using ConferenceApp.Infrastructure.Caching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace ConferenceApp.Features.Program;

/// <summary>
/// /sitemap.xml and the /robots.txt that points to it. Both hold absolute addresses built from
/// Site:PublicUrl (or the request's host without it) and accept HEAD as well as GET. They carry
/// no conference in their address, so the output cache tags them with the conference list, which
/// every change of any conference evicts.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class SitemapController(SitemapQueries queries) : Controller
{
    [AcceptVerbs("GET", "HEAD", Route = "/sitemap.xml")]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        var conferences = await queries.GetAsync(cancellationToken);
        return File(SitemapWriter.Write(conferences, Request.SiteUrl()), SitemapWriter.ContentType);
    }

    [AcceptVerbs("GET", "HEAD", Route = "/robots.txt")]
    public IActionResult Robots()
    {
        // Everything public may be crawled; the organizer and speaker areas require an account anyway.
        var text = $"User-agent: *\nDisallow: /organize\nDisallow: /speaker/\nDisallow: /Identity/\n\nSitemap: {Request.SiteUrl()}/sitemap.xml\n";
        return File(Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8");
    }
}
