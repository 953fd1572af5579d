using ConferenceApp.Domain;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Features.Organize.Conflicts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ConferenceApp.Features.Organize.Talks;

[Authorize(Policy = Policies.Organizer)]
[Route("organize/{conference}/talks")]
public sealed class TalksController(OrganizeQueries organize, TalkQueries queries, TalkOperations operations, ConflictQueries conflicts) : OrganizeControllerBase
{
    private const string Noun = "talk";

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
        return owner is null ? NotFound() : View("Edit", await queries.NewFormAsync(owner, cancellationToken));
    }

    [HttpPost("new")]
    public async Task<IActionResult> New(string conference, TalkForm form, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        if (owner is null)
        {
            return NotFound();
        }

        ExplainLengthError();
        if (!ModelState.IsValid)
        {
            await queries.FillChoicesAsync(form, owner, cancellationToken);
            return View("Edit", form);
        }

        var result = await SaveNotingConflictsAsync(conflicts, owner, () => operations.CreateAsync(owner.Id, form, cancellationToken), cancellationToken);

        // A slug made from the title is written back to the form, and the form must show it.
        ModelState.Remove(nameof(TalkForm.Slug));
        await queries.FillChoicesAsync(form, owner, cancellationToken);
        return await RespondToChangeAsync(result, form, Noun, SavedMessage("Added", form), ListUrl(owner),
            () => Task.FromResult<OrganizeForm?>(null));
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(string conference, int id, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        var form = owner is null ? null : await queries.EditFormAsync(owner, id, cancellationToken);
        return form is null ? NotFound() : View(form);
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(string conference, int id, TalkForm form, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        if (owner is null)
        {
            return NotFound();
        }

        form.Id = id;
        ExplainLengthError();
        if (!ModelState.IsValid)
        {
            await queries.FillChoicesAsync(form, owner, cancellationToken);
            return View(form);
        }

        var result = await SaveNotingConflictsAsync(conflicts, owner, () => operations.UpdateAsync(owner.Id, id, form, cancellationToken), cancellationToken);
        await queries.FillChoicesAsync(form, owner, cancellationToken);
        return await RespondToChangeAsync(result, form, Noun, SavedMessage("Saved", form), ListUrl(owner),
            async () => await queries.EditFormAsync(owner, id, cancellationToken));
    }

    [HttpGet("{id:int}/delete")]
    public async Task<IActionResult> Delete(string conference, int id, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        var page = owner is null ? null : await queries.DeletePageAsync(owner, id, ListUrl(owner), cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(string conference, int id, Guid version, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        if (owner is null)
        {
            return NotFound();
        }

        var result = await operations.DeleteAsync(owner.Id, id, version, cancellationToken);
        return await RespondToDeleteAsync(result, Noun, "Deleted the talk.", ListUrl(owner),
            () => queries.DeletePageAsync(owner, id, ListUrl(owner), cancellationToken));
    }

    private static string SavedMessage(string verb, TalkForm form) => $"{verb} the talk \"{form.Title?.Trim()}\".";

    private string ListUrl(OrganizeConference owner) => Url.Action(nameof(Index), new { conference = owner.Slug })!;

    /// <summary>Replaces the generic binding error of a length that is not a whole number (such as "abc", "1.5" or one too large for an int) with the accepted range.</summary>
    private void ExplainLengthError()
    {
        if (ModelState[nameof(TalkForm.DurationMinutes)] is { Errors.Count: > 0 } entry)
        {
            entry.Errors.Clear();
            entry.Errors.Add(Talk.LengthMessage);
        }
    }
}
