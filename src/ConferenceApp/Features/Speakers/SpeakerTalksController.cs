using ConferenceApp.Features.Accounts;
using ConferenceApp.Features.Organize;
using ConferenceApp.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ConferenceApp.Features.Speakers;

/// <summary>The speaker's form for the title and abstract of their own talks, open while the conference allows it.</summary>
[Authorize(Policy = Policies.Speaker)]
[Route("speaker/{conference}/talks/{id:int}")]
public sealed class SpeakerTalksController(SpeakerAccess access, SpeakerAreaQueries queries, SpeakerAreaOperations operations) : Controller
{
    [HttpGet("edit")]
    public async Task<IActionResult> Edit(string conference, int id, CancellationToken cancellationToken)
    {
        var own = await access.FindAsync(User, conference, cancellationToken);
        var form = own is null ? null : await queries.TalkFormAsync(own, id, cancellationToken);
        return form is null ? NotFound() : View(form);
    }

    [HttpPost("edit")]
    public async Task<IActionResult> Edit(string conference, int id, TalkForm form, CancellationToken cancellationToken)
    {
        var own = await access.FindAsync(User, conference, cancellationToken);
        var stored = own is null ? null : await queries.TalkFormAsync(own, id, cancellationToken);
        if (own is null || stored is null)
        {
            return NotFound();
        }

        form.Speaker = own;
        form.TalkId = id;
        form.TalkSlug = stored.TalkSlug;
        form.SpeakerNames = stored.SpeakerNames;

        // The organizers closed editing while the form was open: nothing is saved, and the
        // typed text stays on the read-only page so that the speaker can copy it.
        if (!stored.MayEdit)
        {
            form.MayEdit = false;
            ModelState.AddModelError("", SpeakerAreaOperations.TalkEditClosed);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return View(form);
        }

        form.MayEdit = true;
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await operations.UpdateTalkAsync(own, id, form, cancellationToken);
        switch (result.Outcome)
        {
            case ChangeOutcome.Saved:
                TempData["Message"] = $"Saved your talk \"{form.Title?.Trim()}\".";
                return Redirect("/speaker");

            case ChangeOutcome.Conflict:
                var current = await queries.TalkFormAsync(own, id, cancellationToken);
                if (current is null)
                {
                    return NotFound();
                }

                // The stored values replace the posted ones, so the form must not echo the post.
                ModelState.Clear();
                ModelState.AddModelError("", ItemSentences.Conflict(HttpContext.InterfaceText(), "talk"));
                return View(current);

            case ChangeOutcome.Invalid:
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError(error.Field, HttpContext.InterfaceText().Translate(error));
                }

                return View(form);

            default:
                return NotFound();
        }
    }
}
