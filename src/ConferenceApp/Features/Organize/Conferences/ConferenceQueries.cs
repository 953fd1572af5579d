using ConferenceApp.Data;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize.Conferences;

public sealed class ConferenceQueries(ConferenceDbContext db)
{
    public async Task<ConferenceListPage> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Conferences.AsNoTracking()
            .OrderByDescending(c => c.StartDate).ThenBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new ConferenceRow(c.Slug, c.Name, c.Venue, c.StartDate, c.EndDate))
            .ToListAsync(cancellationToken);

        return new ConferenceListPage(rows);
    }

    public async Task<DashboardPage> DashboardAsync(OrganizeConference conference, CancellationToken cancellationToken)
    {
        var id = conference.Id;
        var venue = await db.Conferences.Where(c => c.Id == id).Select(c => c.Venue).FirstOrDefaultAsync(cancellationToken);

        return new DashboardPage(
            conference,
            venue,
            await db.Rooms.OfConference(id).CountAsync(cancellationToken),
            await db.TimeSlots.OfConference(id).CountAsync(cancellationToken),
            await db.Sessions.OfConference(id).CountAsync(cancellationToken),
            await db.Sessions.OfConference(id).CountAsync(s => s.TimeSlotId == null, cancellationToken),
            await db.Talks.OfConference(id).CountAsync(cancellationToken),
            await db.Talks.OfConference(id).CountAsync(t => t.SessionId == null, cancellationToken),
            await db.Speakers.OfConference(id).CountAsync(cancellationToken));
    }

    public ConferenceForm NewForm() => new() { TimeZones = TimeZoneIds() };

    public async Task<ConferenceForm?> EditFormAsync(OrganizeConference conference, CancellationToken cancellationToken)
    {
        var form = await db.Conferences.AsNoTracking()
            .Where(c => c.Id == conference.Id)
            .Select(c => new ConferenceForm
            {
                Id = c.Id,
                Version = c.Version,
                Slug = c.Slug,
                Name = c.Name,
                Venue = c.Venue,
                TimeZoneId = c.TimeZoneId,
                StartDate = c.StartDate,
                EndDate = c.EndDate,
                SampleNote = c.SampleNote,
                SpeakersMayEditTalks = c.SpeakersMayEditTalks,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (form is null)
        {
            return null;
        }

        // The header shows the stored name and slug, which a conflict may have changed.
        form.Conference = conference with { Slug = form.Slug!, Name = form.Name! };
        form.TimeZones = TimeZoneIds();
        return form;
    }

    public async Task<DeletePage?> DeletePageAsync(OrganizeConference conference, string cancelUrl, CancellationToken cancellationToken)
    {
        var version = await db.Conferences.AsNoTracking().Where(c => c.Id == conference.Id).Select(c => (Guid?)c.Version).FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return null;
        }

        var id = conference.Id;
        var rooms = await db.Rooms.OfConference(id).CountAsync(cancellationToken);
        var slots = await db.TimeSlots.OfConference(id).CountAsync(cancellationToken);
        var sessions = await db.Sessions.OfConference(id).CountAsync(cancellationToken);
        var talks = await db.Talks.OfConference(id).CountAsync(cancellationToken);
        var speakers = await db.Speakers.OfConference(id).CountAsync(cancellationToken);
        string[] consequences =
        [
            $"Its {OrganizeFormat.Count(rooms, "room")}, {OrganizeFormat.Count(slots, "time slot")} and {OrganizeFormat.Count(sessions, "session")} are deleted with it.",
            $"Its {OrganizeFormat.Count(talks, "talk")} and {OrganizeFormat.Count(speakers, "speaker")} are deleted with it.",
            $"The public pages under /{conference.Slug} stop working at once.",
        ];
        return new DeletePage(conference, "conference", conference.Name, consequences, version.Value, cancelUrl) { RequireSlug = true };
    }

    /// <summary>Returns the sorted IANA ids of the time zones installed on the server.</summary>
    public static IReadOnlyList<string> TimeZoneIds() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
}
