using ConferenceApp.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ConferenceApp.Features.Organize.Schedule;

/// <summary>
/// The JSON endpoints behind the grid's drags. Each request carries the antiforgery token in the
/// RequestVerificationToken header. Replies: 200 with the new version, 400 with the broken rule,
/// 404 for an id outside the conference, 409 with where the row is now after someone else's change.
/// </summary>
[Authorize(Policy = Policies.Organizer)]
[Route("organize/{conference}/schedule")]
public sealed class ScheduleMovesController(OrganizeQueries organize, ScheduleQueries queries, MoveSession moveSession, MoveTalk moveTalk) : Controller
{
    [HttpPost("sessions/{id:int}/move")]
    [Consumes("application/json")]
    public async Task<IActionResult> MoveSession(string conference, int id, [FromBody] MoveSessionRequest? request, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        if (owner is null)
        {
            return NotFound(new MoveReply("The conference does not exist."));
        }

        if (request is null || !ModelState.IsValid)
        {
            return BadRequest(new MoveReply("The request is not valid JSON of the form {\"version\", \"room\", \"start\", \"end\"}."));
        }

        var start = ScheduleFormat.ParseLocalTime(request.Start);
        var end = ScheduleFormat.ParseLocalTime(request.End);
        if (start is null || end is null)
        {
            return BadRequest(new MoveReply($"The start \"{request.Start}\" or end \"{request.End}\" is invalid; send local times as yyyy-MM-ddTHH:mm."));
        }

        int? roomId = null;
        if (request.Room != ScheduleFormat.AllRooms)
        {
            if (!int.TryParse(request.Room, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                return BadRequest(new MoveReply($"The room \"{request.Room}\" is invalid; send a room id or \"all\"."));
            }

            roomId = parsed;
        }

        var result = await moveSession.RunAsync(owner.Id, id, new SessionPlacement(request.Version, roomId, start.Value, end.Value), cancellationToken);
        return await ReplyAsync(result, () => queries.SessionConflictMessageAsync(owner, id, cancellationToken), "Moved the session.");
    }

    [HttpPost("talks/{id:int}/move")]
    [Consumes("application/json")]
    public async Task<IActionResult> MoveTalk(string conference, int id, [FromBody] MoveTalkRequest? request, CancellationToken cancellationToken)
    {
        var owner = await organize.FindConferenceAsync(conference, cancellationToken);
        if (owner is null)
        {
            return NotFound(new MoveReply("The conference does not exist."));
        }

        if (request?.SessionId is not { } sessionId || !ModelState.IsValid)
        {
            return BadRequest(new MoveReply("The request is not valid JSON of the form {\"version\", \"sessionId\", \"position\"}."));
        }

        var result = await moveTalk.RunAsync(owner.Id, id, new TalkPlacement(request.Version, sessionId, request.Position), cancellationToken);
        return await ReplyAsync(result, () => queries.TalkConflictMessageAsync(owner, id, cancellationToken), "Moved the talk.");
    }

    private async Task<IActionResult> ReplyAsync(ChangeResult result, Func<Task<string>> conflictMessage, string savedMessage) =>
        result.Outcome switch
        {
            ChangeOutcome.Saved => Ok(new MoveReply(savedMessage, result.Version)),
            ChangeOutcome.NotFound => NotFound(new MoveReply("The item does not exist in this conference.")),
            ChangeOutcome.Invalid => BadRequest(new MoveReply(string.Join(" ", result.Errors.Select(e => e.Message)))),
            _ => Conflict(new MoveReply(await conflictMessage())),
        };
}
