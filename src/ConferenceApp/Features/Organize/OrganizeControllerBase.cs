using ConferenceApp.Domain;
using ConferenceApp.Features.Organize.Conflicts;
using ConferenceApp.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;

namespace ConferenceApp.Features.Organize;

/// <summary>Turns the outcome of an organizer change into the response every organizer form gives.</summary>
public abstract class OrganizeControllerBase : Controller
{
    /// <summary>
    /// Redirects to <paramref name="nextUrl"/> with <paramref name="savedMessage"/> after a save.
    /// Otherwise it shows the "Edit" view again, with the field errors next to their fields, or
    /// after a conflict with the values stored now (from <paramref name="loadCurrent"/>) and a message.
    /// A row deleted in the meantime gets the "Gone" page with status 409. <paramref name="viewName"/>
    /// names the form's view when it is not "Edit".
    /// </summary>
    protected async Task<IActionResult> RespondToChangeAsync(
        ChangeResult result,
        OrganizeForm form,
        string noun,
        string savedMessage,
        string nextUrl,
        Func<Task<OrganizeForm?>> loadCurrent,
        string viewName = "Edit")
    {
        switch (result.Outcome)
        {
            case ChangeOutcome.Saved:
                TempData["Message"] = savedMessage;
                return Redirect(nextUrl);

            case ChangeOutcome.NotFound:
                return NotFound();

            case ChangeOutcome.Gone:
                return ShowGone(form.Conference, noun, nextUrl);

            case ChangeOutcome.Conflict:
                var current = await loadCurrent();
                if (current is null)
                {
                    return ShowGone(form.Conference, noun, nextUrl);
                }

                // The stored values replace the posted ones, so the form must not echo the post.
                ModelState.Clear();
                ModelState.AddModelError("", ItemSentences.Conflict(HttpContext.InterfaceText(), noun));
                return View(viewName, current);

            default:
                AddFieldErrors(result.Errors);
                return View(viewName, form);
        }
    }

    /// <summary>
    /// Redirects to <paramref name="nextUrl"/> after a delete, and also when someone else already
    /// deleted the row. After a conflict or a field error it shows the confirmation page again.
    /// </summary>
    protected async Task<IActionResult> RespondToDeleteAsync(
        ChangeResult result,
        string noun,
        string deletedMessage,
        string nextUrl,
        Func<Task<DeletePage?>> loadCurrent)
    {
        if (result.Outcome is ChangeOutcome.Saved or ChangeOutcome.Gone)
        {
            TempData["Message"] = result.Outcome == ChangeOutcome.Saved ? deletedMessage : $"This {noun} had already been deleted by someone else.";
            return Redirect(nextUrl);
        }

        if (result.Outcome == ChangeOutcome.NotFound)
        {
            return NotFound();
        }

        var current = await loadCurrent();
        if (current is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        if (result.Outcome == ChangeOutcome.Conflict)
        {
            ModelState.AddModelError("", ItemSentences.DeleteConflict(HttpContext.InterfaceText(), noun));
        }

        AddFieldErrors(result.Errors);
        return View("Delete", current);
    }

    /// <summary>
    /// Runs <paramref name="change"/> and, when it saved and created conflicts that were not
    /// there before, stores their number and the conflicts page for the message after the
    /// redirect. Conflicts never stop a save.
    /// </summary>
    protected async Task<ChangeResult> SaveNotingConflictsAsync(
        ConflictQueries conflicts,
        OrganizeConference conference,
        Func<Task<ChangeResult>> change,
        CancellationToken cancellationToken)
    {
        var before = await conflicts.KeysAsync(conference.Id, cancellationToken);
        var result = await change();
        if (result.Outcome != ChangeOutcome.Saved)
        {
            return result;
        }

        var after = await conflicts.KeysAsync(conference.Id, cancellationToken);
        var created = after.Count(key => !before.Contains(key));
        if (created > 0)
        {
            TempData[NewConflictsKey] = created;
            TempData[ConflictsUrlKey] = $"/organize/{Uri.EscapeDataString(conference.Slug)}/conflicts";
        }

        return result;
    }

    /// <summary>The TempData key of the number of conflicts the last save created.</summary>
    public const string NewConflictsKey = "NewConflicts";

    /// <summary>The TempData key of the address of the conflicts page for that message.</summary>
    public const string ConflictsUrlKey = "ConflictsUrl";

    protected void AddFieldErrors(IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, HttpContext.InterfaceText().Translate(error));
        }
    }

    private ViewResult ShowGone(OrganizeConference? conference, string noun, string listUrl)
    {
        var view = View("Gone", new GonePage(conference, noun, listUrl));
        view.StatusCode = StatusCodes.Status409Conflict;
        return view;
    }
}
