using Microsoft.AspNetCore.Mvc;

namespace ConferenceApp.Features.Organize.Conflicts;

/// <summary>Which conflicts an edit page shows: those of one session, one person or one room.</summary>
public sealed record ConflictFilter(int? SessionId = null, int? SpeakerId = null, int? RoomId = null)
{
    public bool Matches(ConflictRow conflict) =>
        (SessionId is { } session && conflict.InvolvesSession(session))
        || (SpeakerId is { } speaker && conflict.SpeakerId == speaker)
        || (RoomId is { } room && conflict.RoomId == room);
}

/// <summary>The conflicts shown above an edit form, with the subject of its heading, such as "this room".</summary>
public sealed record ConflictPanel(string ConferenceSlug, string Subject, IReadOnlyList<ConflictRow> Conflicts);

/// <summary>
/// Shows the conflicts that involve one item on that item's edit page, where an organizer can
/// fix them. Renders nothing when there are none.
/// </summary>
public sealed class ConflictListViewComponent(ConflictQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(OrganizeConference conference, ConflictFilter filter, string subject)
    {
        var conflicts = await queries.FindAsync(conference.Id, HttpContext.RequestAborted) ?? [];
        return View(new ConflictPanel(conference.Slug, subject, [.. conflicts.Where(filter.Matches)]));
    }
}
