using ConferenceApp.Domain;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Features.Organize;
using ConferenceApp.Infrastructure.Localization;
using ConferenceApp.Infrastructure.RateLimiting;
using ConferenceApp.Infrastructure.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ConferenceApp.Features.Speakers;

/// <summary>The speaker's own profile form and photo, per conference.</summary>
[Authorize(Policy = Policies.Speaker)]
[Route("speaker/{conference}")]
public sealed class SpeakerProfileController(
    SpeakerAccess access,
    SpeakerAreaQueries queries,
    SpeakerAreaOperations operations,
    SpeakerPhotoOperations photos,
    MarkdownRenderer markdown) : Controller
{
    /// <summary>The value of the submit button that requests a preview of the bio instead of a save.</summary>
    public const string PreviewCommand = "preview";

    [HttpGet("profile")]
    public async Task<IActionResult> Edit(string conference, CancellationToken cancellationToken)
    {
        var own = await access.FindAsync(User, conference, cancellationToken);
        var form = own is null ? null : await queries.ProfileFormAsync(own, cancellationToken);
        return form is null ? NotFound() : View(form);
    }

    [HttpPost("profile")]
    public async Task<IActionResult> Edit(string conference, ProfileForm form, [FromForm] string? command, CancellationToken cancellationToken)
    {
        var own = await access.FindAsync(User, conference, cancellationToken);
        if (own is null)
        {
            return NotFound();
        }

        await queries.CompleteAsync(form, own, cancellationToken);
        if (command == PreviewCommand)
        {
            form.PreviewHtml = markdown.ToHtml(form.Bio);
            return View(form);
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await operations.UpdateProfileAsync(own, form, cancellationToken);
        switch (result.Outcome)
        {
            case ChangeOutcome.Saved:
                TempData["Message"] = HttpContext.InterfaceText()["Saved your profile."].Value;
                return Redirect(ProfileUrl(own));

            case ChangeOutcome.Conflict:
                var current = await queries.ProfileFormAsync(own, cancellationToken);
                if (current is null)
                {
                    return NotFound();
                }

                // The stored values replace the posted ones, so the form must not echo the post.
                ModelState.Clear();
                ModelState.AddModelError("", ItemSentences.Conflict(HttpContext.InterfaceText(), "profile"));
                return View(current);

            case ChangeOutcome.Invalid:
                AddErrors(result.Errors);
                return View(form);

            default:
                return NotFound();
        }
    }

    [HttpPost("photo")]
    [RateLimited(RateLimitGroup.PhotoUpload)]
    [PhotoUploadLimits]
    public async Task<IActionResult> Photo(string conference, IFormFile? photo, CancellationToken cancellationToken)
    {
        var own = await access.FindAsync(User, conference, cancellationToken);
        if (own is null)
        {
            return NotFound();
        }

        var result = await photos.ReplaceAsync(own.ConferenceId, own.SpeakerId, photo, bySpeaker: true, cancellationToken);
        return await RespondToPhotoAsync(own, result, "Saved your new photo.", cancellationToken);
    }

    [HttpPost("photo/remove")]
    public async Task<IActionResult> RemovePhoto(string conference, CancellationToken cancellationToken)
    {
        var own = await access.FindAsync(User, conference, cancellationToken);
        if (own is null)
        {
            return NotFound();
        }

        var result = await photos.RemoveAsync(own.ConferenceId, own.SpeakerId, bySpeaker: true, cancellationToken);
        return await RespondToPhotoAsync(own, result, "Removed your photo.", cancellationToken);
    }

    // A rejected photo shows the profile form with the stored values and the reason next to the file field.
    private async Task<IActionResult> RespondToPhotoAsync(OwnSpeaker own, ChangeResult result, string savedMessage, CancellationToken cancellationToken)
    {
        if (result.Outcome == ChangeOutcome.Saved)
        {
            TempData["Message"] = savedMessage;
            return Redirect(ProfileUrl(own));
        }

        var form = await queries.ProfileFormAsync(own, cancellationToken);
        if (form is null || result.Outcome == ChangeOutcome.NotFound)
        {
            return NotFound();
        }

        ModelState.Clear();
        AddErrors(result.Errors.Count > 0 ? result.Errors : [new FieldError("", ChangeMessages.Conflict("profile"))]);
        return View(nameof(Edit), form);
    }

    private void AddErrors(IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, HttpContext.InterfaceText().Translate(error));
        }
    }

    private static string ProfileUrl(OwnSpeaker own) => $"/speaker/{Uri.EscapeDataString(own.ConferenceSlug)}/profile";
}
