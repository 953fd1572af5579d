using ConferenceApp.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ConferenceApp.Features.Organize.Releases;

/// <summary>The releases of a conference and the form that publishes the draft as a new one.</summary>
[Authorize(Policy = Policies.Organizer)]
[Route("organize/{conference}/releases")]
public sealed class ReleasesController(OrganizeQueries organize, ReleaseQueries queries, PublishOperation operation) : OrganizeControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string conference, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        return owner is null ? NotFound() : View(await queries.ListAsync(owner, cancellationToken));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(string conference, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        return owner is null ? NotFound() : View(await queries.NewFormAsync(owner, cancellationToken));
    }

    [HttpPost("new")]
    public async Task<IActionResult> New(string conference, PublishForm form, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        if (owner is null)
        {
            return NotFound();
        }

        form.Conference = owner;
        if (ModelState.IsValid)
        {
            var request = new PublishRequest(form.Name, form.Comment, form.ConflictsConfirmed, form.ConfirmedConflictCount);
            var result = await operation.PublishAsync(owner, request, cancellationToken);
            if (result.Outcome == ChangeOutcome.Saved)
            {
                TempData["Message"] = $"Published release \"{Domain.Text.Clean(form.Name)}\". The public pages show it now.";
                return RedirectToAction(nameof(Index), new { conference = owner.Slug });
            }

            if (result.Outcome == ChangeOutcome.NotFound)
            {
                return NotFound();
            }

            AddFieldErrors(result.Errors);
        }

        // The form shows the conflicts as they are now, and a new confirmation must cover that number.
        await queries.FillSummaryAsync(form, cancellationToken);
        ModelState.Remove(nameof(PublishForm.ConfirmedConflictCount));
        form.ConfirmedConflictCount = form.Summary.Conflicts.Count;
        return View(form);
    }
}
