using ConferenceApp.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ConferenceApp.Features.Organize.Conflicts;

/// <summary>Lists every scheduling conflict of a conference on one page. Conflicts warn; they block no save.</summary>
[Authorize(Policy = Policies.Organizer)]
[Route("organize/{conference}/conflicts")]
public sealed class ConflictsController(OrganizeQueries organize, ConflictQueries queries) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string conference, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        var page = owner is null ? null : await queries.ListAsync(owner, cancellationToken);
        return page is null ? NotFound() : View(page);
    }
}
