using ConferenceApp.Features.Accounts;
using ConferenceApp.Features.Organize;
using ConferenceApp.Features.Organize.Releases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ConferenceApp.Features.Program;

/// <summary>
/// The program page built from the organizers' draft, under a banner saying it is not public.
/// It lives in the Program feature so that it renders the public page's own view and partials.
/// </summary>
[Authorize(Policy = Policies.Organizer)]
public sealed class DraftPreviewController(OrganizeQueries organize, SnapshotReader reader) : Controller
{
    [HttpGet("organize/{conference}/preview")]
    public async Task<IActionResult> Program(string conference, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        var draft = owner is null ? null : await reader.ReadAsync(owner.Id, cancellationToken);
        if (owner is null || draft is null)
        {
            return NotFound();
        }

        var page = new SnapshotPages(owner.Id, owner.Slug, draft).Program() with { DraftPublishUrl = $"/organize/{owner.Slug}/releases/new" };
        var selection = ProgramSelection.Parse(key => Request.Query[key]);
        return View("~/Features/Program/Views/Program/Program.cshtml", ProgramFilter.Apply(page, selection));
    }
}
