using ConferenceApp.Features.Accounts;
using ConferenceApp.Features.Speakers;
using ConferenceApp.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ConferenceApp.Features.Organize.Speakers;

/// <summary>The photo forms at the end of the organizer's speaker page. Organizers may change a photo that is locked for the speaker.</summary>
[Authorize(Policy = Policies.Organizer)]
[Route("organize/{conference}/speakers/{id:int}/photo")]
public sealed class SpeakerPhotosController(OrganizeQueries organize, SpeakerQueries queries, SpeakerPhotoOperations photos) : OrganizeControllerBase
{
    private const string EditView = "~/Features/Organize/Views/Speakers/Edit.cshtml";

    [HttpPost("")]
    [PhotoUploadLimits]
    [RateLimited(RateLimitGroup.PhotoUpload)]
    public async Task<IActionResult> Upload(string conference, int id, IFormFile? photo, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        if (owner is null)
        {
            return NotFound();
        }

        var result = await photos.ReplaceAsync(owner.Id, id, photo, bySpeaker: false, cancellationToken);
        return await RespondAsync(owner, id, result, "Saved the speaker's new photo.", cancellationToken);
    }

    [HttpPost("remove")]
    public async Task<IActionResult> Remove(string conference, int id, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        if (owner is null)
        {
            return NotFound();
        }

        var result = await photos.RemoveAsync(owner.Id, id, bySpeaker: false, cancellationToken);
        return await RespondAsync(owner, id, result, "Removed the speaker's photo.", cancellationToken);
    }

    // A rejected file shows the speaker's page again with the reason next to the file field.
    private async Task<IActionResult> RespondAsync(OrganizeConference owner, int id, ChangeResult result, string savedMessage, CancellationToken cancellationToken)
    {
        var editUrl = $"/organize/{Uri.EscapeDataString(owner.Slug)}/speakers/{id}/edit";
        if (result.Outcome == ChangeOutcome.Saved)
        {
            TempData["Message"] = savedMessage;
            return Redirect(editUrl);
        }

        var form = await queries.EditFormAsync(owner, id, cancellationToken);
        if (form is null)
        {
            return NotFound();
        }

        AddFieldErrors(result.Errors.Count > 0 ? result.Errors : [new Domain.FieldError(SpeakerPhotoOperations.Field, ChangeMessages.Conflict("speaker"))]);
        return View(EditView, form);
    }
}
