using ConferenceApp.Features.Accounts;
using ConferenceApp.Features.Organize.Conflicts;
using ConferenceApp.Features.Speakers.Invitations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ConferenceApp.Features.Organize.Speakers;

[Authorize(Policy = Policies.Organizer)]
[Route("organize/{conference}/speakers")]
public sealed class SpeakersController(OrganizeQueries organize, SpeakerQueries queries, SpeakerOperations operations, InvitationQueries invitations, ConflictQueries conflicts) : OrganizeControllerBase
{
    private const string Noun = "speaker";

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
        return owner is null ? NotFound() : View("Edit", SpeakerQueries.NewForm(owner));
    }

    [HttpPost("new")]
    public async Task<IActionResult> New(string conference, SpeakerForm form, CancellationToken cancellationToken)
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

        // A slug made from the name is written back to the form, and the form must show it.
        ModelState.Remove(nameof(SpeakerForm.Slug));
        return await RespondToChangeAsync(result, form, Noun, $"Added the speaker \"{form.Name?.Trim()}\".", ListUrl(owner),
            () => Task.FromResult<OrganizeForm?>(null));
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(string conference, int id, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        var form = owner is null ? null : await queries.EditFormAsync(owner, id, cancellationToken);
        if (owner is null || form is null)
        {
            return NotFound();
        }

        var error = TempData[SpeakerInvitationsController.ErrorKey] as string;
        form.Account = await invitations.PanelAsync(owner.Id, owner.Slug, id, error, cancellationToken);
        return View(form);
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(string conference, int id, SpeakerForm form, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        if (owner is null)
        {
            return NotFound();
        }

        form.Conference = owner;
        form.Id = id;
        form.PhotoUrl = await queries.PhotoUrlAsync(owner, id, cancellationToken);
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await SaveNotingConflictsAsync(conflicts, owner, () => operations.UpdateAsync(owner.Id, id, form, cancellationToken), cancellationToken);

        // A form shown again keeps its account and invitations section.
        form.Account = await invitations.PanelAsync(owner.Id, owner.Slug, id, null, cancellationToken);
        return await RespondToChangeAsync(result, form, Noun, $"Saved the speaker \"{form.Name?.Trim()}\".", ListUrl(owner),
            async () => await EditFormWithAccountAsync(owner, id, cancellationToken));
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
        return await RespondToDeleteAsync(result, Noun, "Deleted the speaker.", ListUrl(owner),
            () => queries.DeletePageAsync(owner, id, ListUrl(owner), cancellationToken));
    }

    private async Task<SpeakerForm?> EditFormWithAccountAsync(OrganizeConference owner, int id, CancellationToken cancellationToken)
    {
        var form = await queries.EditFormAsync(owner, id, cancellationToken);
        form?.Account = await invitations.PanelAsync(owner.Id, owner.Slug, id, null, cancellationToken);
        return form;
    }

    private string ListUrl(OrganizeConference owner) => Url.Action(nameof(Index), new { conference = owner.Slug })!;
}
