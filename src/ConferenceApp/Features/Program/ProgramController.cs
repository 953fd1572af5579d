using ConferenceApp.Infrastructure.Caching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace ConferenceApp.Features.Program;

/// <summary>
/// The public pages: the program, the speakers and the talks of a conference. They accept HEAD
/// as well as GET, for uptime monitors and link checkers.
/// </summary>
[AllowAnonymous]
public sealed class ProgramController(ProgramQueries queries, TimeProvider time) : Controller
{
    [AcceptVerbs("GET", "HEAD", Route = "/")]
    public async Task<IActionResult> Home(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var slug = await queries.FindCurrentSlugAsync(today, cancellationToken);
        return slug is null ? View("NoConference") : RedirectToAction(nameof(Program), new { conference = slug });
    }

    [AcceptVerbs("GET", "HEAD", Route = "/{conference}")]
    public async Task<IActionResult> Conference(string conference, CancellationToken cancellationToken) =>
        await queries.ExistsAsync(conference, cancellationToken)
            ? RedirectToAction(nameof(Program), new { conference })
            : NotFound();

    [OutputCache(PolicyName = PublicCache.Policy)]
    [AcceptVerbs("GET", "HEAD", Route = "/{conference}/program")]
    public async Task<IActionResult> Program(string conference, CancellationToken cancellationToken)
    {
        var page = await queries.GetProgramAsync(conference, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        var selection = ProgramSelection.Parse(key => Request.Query[key]);
        return View(ProgramFilter.Apply(page, selection));
    }

    [OutputCache(PolicyName = PublicCache.Policy)]
    [AcceptVerbs("GET", "HEAD", Route = "/{conference}/speakers")]
    public async Task<IActionResult> Speakers(string conference, CancellationToken cancellationToken)
    {
        var page = await queries.GetSpeakersAsync(conference, cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [OutputCache(PolicyName = PublicCache.Policy)]
    [AcceptVerbs("GET", "HEAD", Route = "/{conference}/speakers/{speaker}")]
    public async Task<IActionResult> Speaker(string conference, string speaker, CancellationToken cancellationToken)
    {
        var page = await queries.GetSpeakerAsync(conference, speaker, cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [OutputCache(PolicyName = PublicCache.Policy)]
    [AcceptVerbs("GET", "HEAD", Route = "/{conference}/talks/{talk}")]
    public async Task<IActionResult> Talk(string conference, string talk, CancellationToken cancellationToken)
    {
        var page = await queries.GetTalkAsync(conference, talk, cancellationToken);
        return page is null ? NotFound() : View(page);
    }
}
