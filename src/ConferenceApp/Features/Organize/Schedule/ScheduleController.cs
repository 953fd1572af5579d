using ConferenceApp.Domain;
using ConferenceApp.Features.Accounts;
using ConferenceApp.Features.Organize.Conflicts;
using ConferenceApp.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ConferenceApp.Features.Organize.Schedule;

/// <summary>
/// The schedule editor: the grid page, and the "Move…" and talk-order forms that work without
/// JavaScript. The drags of the grid's script go to <see cref="ScheduleMovesController"/>.
/// </summary>
[Authorize(Policy = Policies.Organizer)]
[Route("organize/{conference}/schedule")]
public sealed class ScheduleController(OrganizeQueries organize, ScheduleQueries queries, MoveSession moveSession, MoveTalk moveTalk, ConflictQueries conflicts) : OrganizeControllerBase
{
    /// <summary>The TempData key of the message that a rejected talk move leaves for the grid or the "Move…" page it returns to.</summary>
    private const string AlertKey = "ScheduleAlert";

    [HttpGet("")]
    public async Task<IActionResult> Index(string conference, DateOnly? day, int? snap, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        if (owner is null)
        {
            return NotFound();
        }

        var page = await queries.EditorAsync(owner, day, snap, cancellationToken);
        return View(page with { Alert = TempData[AlertKey] as string });
    }

    [HttpGet("sessions/{id:int}/place")]
    public async Task<IActionResult> Place(string conference, int id, int? snap, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        var form = owner is null ? null : await queries.PlaceFormAsync(owner, id, snap, cancellationToken);
        if (form is null)
        {
            return NotFound();
        }

        form.Alert = TempData[AlertKey] as string;
        return View(form);
    }

    [HttpPost("sessions/{id:int}/place")]
    public async Task<IActionResult> Place(string conference, int id, PlaceForm form, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        if (owner is null)
        {
            return NotFound();
        }

        form.Id = id;
        await queries.FillPlaceFormAsync(form, owner, cancellationToken);
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var errors = new List<FieldError>();
        var result = PlaceTimes.From(form, errors) is var (start, end)
            ? PlaceTimes.ToFormFields(
                await SaveNotingConflictsAsync(conflicts, owner,
                    () => moveSession.RunAsync(owner.Id, id, new SessionPlacement(form.Version, form.RoomId, start, end), cancellationToken),
                    cancellationToken),
                form)
            : ChangeResult.Invalid(errors);

        var day = form.Day ?? owner.StartDate;
        var saved = $"Placed {Text.Quoted(form.Title)} on {OrganizeFormat.ShortDay(day)}, {form.StartTime?.Trim()}–{form.EndTime?.Trim()}{(form.EndsNextDay ? " (+1 day)" : "")}.";
        return await RespondToChangeAsync(result, form, "session", saved,
            ScheduleFormat.EditorUrl(owner.Slug, day, ScheduleGrid.ChooseSnap(form.Snap)),
            async () => await queries.PlaceFormAsync(owner, id, form.Snap, cancellationToken),
            viewName: nameof(Place));
    }

    /// <summary>Moves a talk up, down or to another session from the buttons and selects on the grid, and returns to the grid.</summary>
    [HttpPost("talks/{id:int}/order")]
    public async Task<IActionResult> TalkOrder(string conference, int id, TalkOrderForm form, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        if (owner is null)
        {
            return NotFound();
        }

        var result = form.SessionId is { } sessionId && ModelState.IsValid
            ? await SaveNotingConflictsAsync(conflicts, owner,
                () => moveTalk.RunAsync(owner.Id, id, new TalkPlacement(form.Version, sessionId, form.Position), cancellationToken),
                cancellationToken)
            : ChangeResult.Invalid("SessionId", "Choose the session to move the talk to.");

        if (result.Outcome == ChangeOutcome.NotFound)
        {
            return NotFound();
        }

        // After a rejected move the grid itself shows the current order, so it is the page to return to, with the reason.
        if (result.Outcome == ChangeOutcome.Saved)
        {
            TempData["Message"] = HttpContext.InterfaceText()["Moved the talk."].Value;
        }
        else
        {
            TempData[AlertKey] = result.Outcome is ChangeOutcome.Conflict or ChangeOutcome.Gone
                ? await queries.TalkConflictMessageAsync(owner, id, cancellationToken)
                : string.Join(" ", result.Errors.Select(e => e.Message));
        }

        return Redirect(form.ReturnToSession is { } back
            ? $"/organize/{Uri.EscapeDataString(owner.Slug)}/schedule/sessions/{back}/place?snap={ScheduleGrid.ChooseSnap(form.Snap)}"
            : ScheduleFormat.EditorUrl(owner.Slug, form.Day ?? owner.StartDate, ScheduleGrid.ChooseSnap(form.Snap)));
    }
}
