using ConferenceApp.Features.Accounts;
using ConferenceApp.Features.Organize.Conflicts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ConferenceApp.Features.Organize.Rooms;

[Authorize(Policy = Policies.Organizer)]
[Route("organize/{conference}/rooms")]
public sealed class RoomsController(OrganizeQueries organize, RoomQueries queries, RoomOperations operations, ConflictQueries conflicts) : OrganizeControllerBase
{
    private const string Noun = "room";

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
    public async Task<IActionResult> New(string conference, RoomForm form, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        if (owner is null)
        {
            return NotFound();
        }

        form.Conference = owner;
        if (!ModelState.IsValid)
        {
            return View("Edit", form);
        }

        var result = await SaveNotingConflictsAsync(conflicts, owner, () => operations.CreateAsync(owner.Id, form, cancellationToken), cancellationToken);
        return await RespondToChangeAsync(result, form, Noun, $"Added the room \"{form.Name?.Trim()}\".", ListUrl(owner),
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
    public async Task<IActionResult> Edit(string conference, int id, RoomForm form, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        if (owner is null)
        {
            return NotFound();
        }

        form.Conference = owner;
        form.Id = id;
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await SaveNotingConflictsAsync(conflicts, owner, () => operations.UpdateAsync(owner.Id, id, form, cancellationToken), cancellationToken);
        return await RespondToChangeAsync(result, form, Noun, $"Saved the room \"{form.Name?.Trim()}\".", ListUrl(owner),
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
        return await RespondToDeleteAsync(result, Noun, "Deleted the room.", ListUrl(owner),
            () => queries.DeletePageAsync(owner, id, ListUrl(owner), cancellationToken));
    }

    private string ListUrl(OrganizeConference owner) => Url.Action(nameof(Index), new { conference = owner.Slug })!;
}
