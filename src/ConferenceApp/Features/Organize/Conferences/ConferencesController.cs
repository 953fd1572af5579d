using ConferenceApp.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ConferenceApp.Features.Organize.Conferences;

/// <summary>The organizer start page, the conference dashboards, and the conference forms.</summary>
[Authorize(Policy = Policies.Organizer)]
public sealed class ConferencesController(OrganizeQueries organize, ConferenceQueries queries, ConferenceOperations operations) : OrganizeControllerBase
{
    private const string Noun = "conference";

    [HttpGet("/organize")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await queries.ListAsync(cancellationToken));

    [HttpGet("/organize/conferences/new")]
    public IActionResult New() => View("Edit", queries.NewForm());

    [HttpPost("/organize/conferences/new")]
    public async Task<IActionResult> New(ConferenceForm form, CancellationToken cancellationToken)
    {
        form.TimeZones = ConferenceQueries.TimeZoneIds();
        if (!ModelState.IsValid)
        {
            return View("Edit", form);
        }

        var result = await operations.CreateAsync(form, cancellationToken);

        // A slug made from the name is written back to the form, and the form must show it.
        ModelState.Remove(nameof(ConferenceForm.Slug));
        return await RespondToChangeAsync(result, form, Noun, $"Created the conference \"{form.Name?.Trim()}\".",
            DashboardUrl(result.Slug ?? ""), () => Task.FromResult<OrganizeForm?>(null));
    }

    [HttpGet("/organize/{conference}")]
    public async Task<IActionResult> Dashboard(string conference, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        return owner is null ? NotFound() : View(await queries.DashboardAsync(owner, cancellationToken));
    }

    [HttpGet("/organize/{conference}/edit")]
    public async Task<IActionResult> Edit(string conference, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        var form = owner is null ? null : await queries.EditFormAsync(owner, cancellationToken);
        return form is null ? NotFound() : View(form);
    }

    [HttpPost("/organize/{conference}/edit")]
    public async Task<IActionResult> Edit(string conference, ConferenceForm form, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        if (owner is null)
        {
            return NotFound();
        }

        form.Conference = owner;
        form.Id = owner.Id;
        form.TimeZones = ConferenceQueries.TimeZoneIds();
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await operations.UpdateAsync(owner.Id, form, cancellationToken);
        return await RespondToChangeAsync(result, form, Noun, $"Saved the conference \"{form.Name?.Trim()}\".",
            DashboardUrl(result.Slug ?? owner.Slug), async () => await queries.EditFormAsync(owner, cancellationToken));
    }

    [HttpGet("/organize/{conference}/delete")]
    public async Task<IActionResult> Delete(string conference, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        var page = owner is null ? null : await queries.DeletePageAsync(owner, DashboardUrl(owner.Slug), cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("/organize/{conference}/delete")]
    public async Task<IActionResult> Delete(string conference, Guid version, string? confirmSlug, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        if (owner is null)
        {
            return NotFound();
        }

        var result = await operations.DeleteAsync(owner.Id, version, confirmSlug, cancellationToken);
        return await RespondToDeleteAsync(result, Noun, $"Deleted the conference \"{owner.Name}\" and everything in it.", "/organize",
            async () => await queries.DeletePageAsync(owner, DashboardUrl(owner.Slug), cancellationToken) is { } page ? page with { ConfirmSlug = confirmSlug } : null);
    }

    private static string DashboardUrl(string slug) => $"/organize/{Uri.EscapeDataString(slug)}";
}
