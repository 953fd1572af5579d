using ConferenceApp.Features.Accounts;
using ConferenceApp.Features.Organize.Conflicts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ConferenceApp.Features.Organize.Sessions;

[Authorize(Policy = Policies.Organizer)]
[Route("organize/{conference}/sessions")]
public sealed class SessionsController(OrganizeQueries organize, SessionQueries queries, SessionOperations operations, ConflictQueries conflicts) : OrganizeControllerBase
{
    private const string Noun = "session";

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
    public async Task<IActionResult> New(string conference, SessionForm form, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        if (owner is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            await queries.FillChoicesAsync(form, owner, cancellationToken);
            return View("Edit", form);
        }

        var result = await SaveNotingConflictsAsync(conflicts, owner, () => operations.CreateAsync(owner.Id, form, cancellationToken), cancellationToken);
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
    public async Task<IActionResult> Edit(string conference, int id, SessionForm form, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        if (owner is null)
        {
            return NotFound();
        }

        form.Id = id;
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
        return await RespondToDeleteAsync(result, Noun, "Deleted the session; its talks are now unscheduled.", ListUrl(owner),
            () => queries.DeletePageAsync(owner, id, ListUrl(owner), cancellationToken));
    }

    private static string SavedMessage(string verb, SessionForm form) =>
        (Domain.Text.Clean(form.Title) ?? form.DisplayTitle) is { } title ? $"{verb} the session \"{title}\"." : $"{verb} the session.";

    private string ListUrl(OrganizeConference owner) => Url.Action(nameof(Index), new { conference = owner.Slug })!;
}
