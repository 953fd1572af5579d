using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Speakers;
using ConferenceApp.Features.Speakers.Invitations;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize.Speakers;

public sealed class SpeakerQueries(ConferenceDbContext db, InvitationQueries invitations)
{
    public async Task<SpeakerListPage> ListAsync(OrganizeConference conference, CancellationToken cancellationToken)
    {
        var speakers = await db.Speakers.AsNoTracking().OfConference(conference.Id)
            .OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Select(s => new SpeakerRow(s.Id, s.Name, s.Slug, s.Headline,
                db.TalkSpeakers.Count(ts => ts.SpeakerId == s.Id),
                db.SessionPeople.Count(sp => sp.SpeakerId == s.Id)))
            .ToListAsync(cancellationToken);

        var accounts = await invitations.SummariesAsync(conference.Id, cancellationToken);
        var rows = speakers.Select(s => s with { Account = accounts.GetValueOrDefault(s.Id) }).ToList();
        return new SpeakerListPage(conference, rows);
    }

    public static SpeakerForm NewForm(OrganizeConference conference) => new() { Conference = conference };

    public async Task<SpeakerForm?> EditFormAsync(OrganizeConference conference, int id, CancellationToken cancellationToken)
    {
        var form = await db.Speakers.AsNoTracking().OfConference(conference.Id)
            .Where(s => s.Id == id)
            .Select(s => new SpeakerForm
            {
                Id = s.Id,
                Version = s.Version,
                Slug = s.Slug,
                Name = s.Name,
                Headline = s.Headline,
                Bio = s.Bio,
                Website = s.WebsiteUrl,
                LinkedIn = s.LinkedInUrl,
                GitHub = s.GitHubUrl,
                Mastodon = s.MastodonUrl,
                X = s.XUrl,
                Availability = s.Availability.ToText(),
                LockName = (s.LockedFields & SpeakerFields.Name) != 0,
                LockHeadline = (s.LockedFields & SpeakerFields.Headline) != 0,
                LockBio = (s.LockedFields & SpeakerFields.Bio) != 0,
                LockLinks = (s.LockedFields & SpeakerFields.Links) != 0,
                LockPhoto = (s.LockedFields & SpeakerFields.Photo) != 0,
                LockAvailability = (s.LockedFields & SpeakerFields.Availability) != 0,
                SampleNote = s.SampleNote,
                PhotoUrl = SpeakerPhotoUrls.For(s.Id, s.PhotoHash, 256),
            })
            .FirstOrDefaultAsync(cancellationToken);

        form?.Conference = conference;
        return form;
    }

    /// <summary>Returns the 256-pixel photo URL of the speaker, which a posted form does not carry.</summary>
    public async Task<string?> PhotoUrlAsync(OrganizeConference conference, int id, CancellationToken cancellationToken)
    {
        var hash = await db.Speakers.AsNoTracking().OfConference(conference.Id)
            .Where(s => s.Id == id)
            .Select(s => s.PhotoHash)
            .FirstOrDefaultAsync(cancellationToken);
        return SpeakerPhotoUrls.For(id, hash, 256);
    }

    public async Task<DeletePage?> DeletePageAsync(OrganizeConference conference, int id, string cancelUrl, CancellationToken cancellationToken)
    {
        var speaker = await db.Speakers.AsNoTracking().OfConference(conference.Id)
            .Where(s => s.Id == id)
            .Select(s => new
            {
                s.Name,
                s.Slug,
                s.Version,
                Talks = db.TalkSpeakers.Count(ts => ts.SpeakerId == s.Id),
                Sessions = db.SessionPeople.Count(sp => sp.SpeakerId == s.Id),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (speaker is null)
        {
            return null;
        }

        string[] consequences =
        [
            $"They are removed from {OrganizeFormat.Count(speaker.Talks, "talk")} and {OrganizeFormat.Count(speaker.Sessions, "session")}; the talks and sessions themselves are kept.",
            $"Their page /{conference.Slug}/speakers/{speaker.Slug} stops working.",
        ];
        return new DeletePage(conference, "speaker", speaker.Name, consequences, speaker.Version, cancelUrl);
    }
}
