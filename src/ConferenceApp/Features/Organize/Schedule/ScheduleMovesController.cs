using ConferenceApp.Features.Accounts;
using ConferenceApp.Features.Organize.Conflicts;
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
public sealed class ScheduleMovesController(OrganizeQueries organize, ScheduleQueries queries, MoveSession moveSession, MoveTalk moveTalk, ConflictQueries conflicts) : Controller
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
            return BadRequest(new MoveReply($"The start \"{ScheduleFormat.Echo(request.Start)}\" or end \"{ScheduleFormat.Echo(request.End)}\" is invalid; send local times as yyyy-MM-ddTHH:mm."));
        }

        int? roomId = null;
        if (request.Room != ScheduleFormat.AllRooms)
        {
            if (!int.TryParse(request.Room, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                return BadRequest(new MoveReply($"The room \"{ScheduleFormat.Echo(request.Room)}\" is invalid; send a room id or \"all\"."));
            }

            roomId = parsed;
        }

        var before = await conflicts.KeysAsync(owner.Id, cancellationToken);
        var result = await moveSession.RunAsync(owner.Id, id, new SessionPlacement(request.Version, roomId, start.Value, end.Value), cancellationToken);
        return await ReplyAsync(owner, result, before, () => queries.SessionConflictMessageAsync(owner, id, cancellationToken), "Moved the session.", cancellationToken);
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

        var before = await conflicts.KeysAsync(owner.Id, cancellationToken);
        var result = await moveTalk.RunAsync(owner.Id, id, new TalkPlacement(request.Version, sessionId, request.Position), cancellationToken);
        return await ReplyAsync(owner, result, before, () => queries.TalkConflictMessageAsync(owner, id, cancellationToken), "Moved the talk.", cancellationToken);
    }

    /// <summary>
    /// Turns the outcome into the JSON reply. After a save it compares the conflicts with
    /// <paramref name="conflictsBefore"/> and names the new ones in the message, as the forms do.
    /// </summary>
    private async Task<IActionResult> ReplyAsync(
        OrganizeConference owner,
        ChangeResult result,
        HashSet<string> conflictsBefore,
        Func<Task<string>> conflictMessage,
        string savedMessage,
        CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case ChangeOutcome.Saved:
                var after = await conflicts.KeysAsync(owner.Id, cancellationToken);
                var created = after.Count(key => !conflictsBefore.Contains(key));
                if (created == 0)
                {
                    return Ok(new MoveReply(savedMessage, result.Version));
                }

                var message = $"The change was saved and created {(created == 1 ? "1 new conflict" : $"{created} new conflicts")}.";
                return Ok(new MoveReply(message, result.Version, created, $"/organize/{Uri.EscapeDataString(owner.Slug)}/conflicts"));

            case ChangeOutcome.NotFound:
                return NotFound(new MoveReply("The item does not exist in this conference."));

            case ChangeOutcome.Invalid:
                return BadRequest(new MoveReply(string.Join(" ", result.Errors.Select(e => e.Message))));

            default:
                return Conflict(new MoveReply(await conflictMessage()));
        }
    }
}
