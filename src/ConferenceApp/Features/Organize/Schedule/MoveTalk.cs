using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize.Schedule;

/// <summary>Where a talk goes: a session and a 0-based place in it, or the end of the session when <see cref="Position"/> is null.</summary>
public sealed record TalkPlacement(Guid Version, int SessionId, int? Position);

/// <summary>
/// Moves a talk to a place in a session, in the same session or another one. Positions in the
/// target session, and in the session the talk leaves, are renumbered 0, 1, 2… without gaps.
/// </summary>
public sealed class MoveTalk(ConferenceDbContext db, ChangeSaver saver, ILogger<MoveTalk> logger)
{
    public async Task<ChangeResult> RunAsync(int conferenceId, int talkId, TalkPlacement placement, CancellationToken cancellationToken)
    {
        var talk = await db.Talks.OfConference(conferenceId).FirstOrDefaultAsync(t => t.Id == talkId, cancellationToken);
        if (talk is null)
        {
            return await saver.WasDeletedAsync(conferenceId, nameof(Talk), talkId, cancellationToken) ? ChangeResult.Gone() : ChangeResult.NotFound();
        }

        var target = await db.Sessions.OfConference(conferenceId).FirstOrDefaultAsync(s => s.Id == placement.SessionId, cancellationToken);
        if (target is null)
        {
            return ChangeResult.Invalid("SessionId", $"The session with id {placement.SessionId} does not exist in this conference; choose one from the list.");
        }

        if (placement.Position is < 0)
        {
            return ChangeResult.Invalid("Position", $"The position {placement.Position} is invalid; positions start at 0.");
        }

        saver.ExpectVersion(talk, placement.Version);
        var sourceId = talk.SessionId;

        var order = await TalksInAsync(target.Id, talk.Id, cancellationToken);
        order.Insert(Math.Min(placement.Position ?? order.Count, order.Count), talk);
        Renumber(order, target);

        if (sourceId is { } leftId && leftId != target.Id)
        {
            var left = await db.Sessions.FirstAsync(s => s.Id == leftId, cancellationToken);
            Renumber(await TalksInAsync(leftId, talk.Id, cancellationToken), left);
        }

        var result = await saver.SaveAsync(null, cancellationToken);
        if (result.Outcome == ChangeOutcome.Saved)
        {
            logger.LogInformation("Moved talk {TalkId} of conference {ConferenceId} from session {FromSessionId} to session {SessionId} at position {Position}",
                talk.Id, conferenceId, sourceId, target.Id, talk.Position);
        }

        return result with { Id = talk.Id, Version = talk.Version };
    }

    private Task<List<Talk>> TalksInAsync(int sessionId, int exceptTalkId, CancellationToken cancellationToken) =>
        db.Talks
            .Where(t => t.SessionId == sessionId && t.Id != exceptTalkId)
            .OrderBy(t => t.Position).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);

    private static void Renumber(List<Talk> talks, Session session)
    {
        for (var index = 0; index < talks.Count; index++)
        {
            talks[index].PlaceIn(session, index);
        }
    }
}
