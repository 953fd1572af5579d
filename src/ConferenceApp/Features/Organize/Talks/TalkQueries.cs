using ConferenceApp.Data;
using ConferenceApp.Features.Organize.Conflicts;
using ConferenceApp.Features.Organize.Sessions;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize.Talks;

public sealed class TalkQueries(ConferenceDbContext db, OrganizeQueries organize, ConflictQueries conflicts)
{
    public async Task<TalkListPage> ListAsync(OrganizeConference conference, CancellationToken cancellationToken)
    {
        var sessions = (await SessionTitles.ListAsync(db, conference.Id, cancellationToken)).ToDictionary(s => s.Id);
        var conflictRows = await conflicts.FindAsync(conference.Id, cancellationToken) ?? [];
        var talks = await db.Talks.AsNoTracking().OfConference(conference.Id)
            .OrderBy(t => t.Title).ThenBy(t => t.Id)
            .Select(t => new
            {
                t.Id,
                t.Title,
                t.Slug,
                t.SessionId,
                t.DurationMinutes,
                Speakers = t.Speakers.OrderBy(s => s.Position).Select(s => s.Speaker!.Name).ToList(),
            })
            .ToListAsync(cancellationToken);

        var rows = talks.Select(t =>
        {
            var session = t.SessionId is { } sessionId ? sessions.GetValueOrDefault(sessionId) : null;
            var when = session is { Start: { } start, End: { } end } ? OrganizeFormat.SlotLabel(start, end) : null;
            var sessionTitle = session is null || session.DisplayTitle == t.Title ? null : session.DisplayTitle;
            return new TalkRow(t.Id, t.Title, t.Slug, session is not null, sessionTitle, when, t.Speakers)
            {
                SessionId = t.SessionId,
                DurationMinutes = t.DurationMinutes,
                ConflictCount = t.SessionId is { } id ? conflictRows.Count(c => c.InvolvesSession(id)) : 0,
            };
        }).ToList();
        return new TalkListPage(conference, rows);
    }

    public async Task<TalkForm> NewFormAsync(OrganizeConference conference, CancellationToken cancellationToken)
    {
        var form = new TalkForm();
        await FillChoicesAsync(form, conference, cancellationToken);
        return form;
    }

    public async Task<TalkForm?> EditFormAsync(OrganizeConference conference, int id, CancellationToken cancellationToken)
    {
        var talk = await db.Talks.AsNoTracking().OfConference(conference.Id)
            .Where(t => t.Id == id)
            .Select(t => new
            {
                t.Id,
                t.Version,
                t.Slug,
                t.Title,
                t.Abstract,
                t.SessionId,
                t.Position,
                t.DurationMinutes,
                t.SampleNote,
                Speakers = t.Speakers.OrderBy(s => s.Position).Select(s => new { s.SpeakerId, s.Role }).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (talk is null)
        {
            return null;
        }

        var form = new TalkForm
        {
            Id = talk.Id,
            Version = talk.Version,
            Slug = talk.Slug,
            Title = talk.Title,
            Abstract = talk.Abstract,
            SessionId = talk.SessionId,
            Order = talk.SessionId is null ? null : talk.Position + 1,
            DurationMinutes = talk.DurationMinutes,
            SampleNote = talk.SampleNote,
            Speakers = PeopleRows.FromStored(talk.Speakers.Select(s => (s.SpeakerId, s.Role))),
        };
        await FillChoicesAsync(form, conference, cancellationToken);
        return form;
    }

    public async Task FillChoicesAsync(TalkForm form, OrganizeConference conference, CancellationToken cancellationToken)
    {
        form.Conference = conference;
        form.Speakers = PeopleRows.WithBlankRows(form.Speakers);
        form.Sessions = await organize.SessionChoicesAsync(conference.Id, cancellationToken);
        form.SpeakerChoices = await organize.SpeakerChoicesAsync(conference.Id, cancellationToken);
        if (form.Id is { } id)
        {
            form.StoredSessionId = await db.Talks.AsNoTracking().OfConference(conference.Id).Where(t => t.Id == id).Select(t => t.SessionId).FirstOrDefaultAsync(cancellationToken);
        }
    }

    public async Task<DeletePage?> DeletePageAsync(OrganizeConference conference, int id, string cancelUrl, CancellationToken cancellationToken)
    {
        var talk = await db.Talks.AsNoTracking().OfConference(conference.Id)
            .Where(t => t.Id == id)
            .Select(t => new { t.Title, t.Slug, t.Version, t.SessionId, Speakers = t.Speakers.Count })
            .FirstOrDefaultAsync(cancellationToken);
        if (talk is null)
        {
            return null;
        }

        var consequences = new List<string>
        {
            $"Its page /{conference.Slug}/talks/{talk.Slug} stops working.",
            $"Its links to {OrganizeFormat.Count(talk.Speakers, "speaker")} are removed; the speakers themselves are kept.",
        };
        if (talk.SessionId is not null)
        {
            consequences.Add("It disappears from its session on the program; the session itself is kept.");
        }

        return new DeletePage(conference, "talk", talk.Title, consequences, talk.Version, cancelUrl);
    }
}
