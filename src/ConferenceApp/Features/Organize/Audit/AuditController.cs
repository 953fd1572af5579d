using ConferenceApp.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ConferenceApp.Features.Organize.Audit;

/// <summary>The audit log of a conference: who changed what and when, with old and new values.</summary>
[Authorize(Policy = Policies.Organizer)]
[Route("organize/{conference}/audit")]
public sealed class AuditController(OrganizeQueries organize, AuditQueries queries) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string conference, string? type, string? id, int page = 1, CancellationToken cancellationToken = default)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        return owner is null ? NotFound() : View(await queries.ListAsync(owner, type, id, page, cancellationToken));
    }
}
