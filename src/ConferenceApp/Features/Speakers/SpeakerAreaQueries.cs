using System.Security.Claims;
using ConferenceApp.Data;
using ConferenceApp.Features.Program;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ConferenceApp.Features.Speakers;

/// <summary>Reads the speaker area's pages. Every method takes an <see cref="OwnSpeaker"/> that <see cref="SpeakerAccess"/> has checked.</summary>
public sealed class SpeakerAreaQueries(
    ConferenceDbContext db,
    SpeakerAccess access,
    ProgramQueries program,
    IOptions<SpeakerPhotoOptions> photoOptions)
{
    /// <summary>Returns the account's profiles, each with the talks and sessions that its public page lists.</summary>
    public async Task<SpeakerHomePage> HomeAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var entries = new List<SpeakerHomeEntry>();
        foreach (var speaker in await access.ListAsync(user, cancellationToken))
        {
            var page = await program.GetDraftSpeakerAsync(speaker.ConferenceId, speaker.ConferenceSlug, speaker.SpeakerSlug, cancellationToken);
            if (page is not null)
            {
                var talkIds = await db.TalkSpeakers.AsNoTracking()
                    .Where(ts => ts.SpeakerId == speaker.SpeakerId)
                    .Join(db.Talks.OfConference(speaker.ConferenceId), ts => ts.TalkId, t => t.Id, (ts, t) => new { t.Slug, t.Id })
                    .ToDictionaryAsync(t => t.Slug, t => t.Id, cancellationToken);
                entries.Add(new SpeakerHomeEntry(speaker, page, talkIds));
            }
        }

        return new SpeakerHomePage(entries);
    }

    public async Task<ProfileForm?> ProfileFormAsync(OwnSpeaker speaker, CancellationToken cancellationToken)
    {
        var form = await db.Speakers.AsNoTracking().OfConference(speaker.ConferenceId)
            .Where(s => s.Id == speaker.SpeakerId)
            .Select(s => new ProfileForm
            {
                Version = s.Version,
                Name = s.Name,
                Headline = s.Headline,
                Bio = s.Bio,
                Website = s.WebsiteUrl,
                LinkedIn = s.LinkedInUrl,
                GitHub = s.GitHubUrl,
                Mastodon = s.MastodonUrl,
                X = s.XUrl,
                LockedFields = s.LockedFields,
                PhotoUrl = s.PhotoHash == null ? null : SpeakerPhotoUrls.For(s.Id, s.PhotoHash, 256),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (form is null)
        {
            return null;
        }

        form.Speaker = speaker;
        form.MaxPhotoBytes = photoOptions.Value.MaxPhotoBytes;
        return form;
    }

    /// <summary>Fills the values a posted profile form does not carry: the locks, the photo and the limit.</summary>
    public async Task CompleteAsync(ProfileForm posted, OwnSpeaker speaker, CancellationToken cancellationToken)
    {
        var stored = await db.Speakers.AsNoTracking().OfConference(speaker.ConferenceId)
            .Where(s => s.Id == speaker.SpeakerId)
            .Select(s => new { s.LockedFields, s.PhotoHash })
            .FirstOrDefaultAsync(cancellationToken);

        posted.Speaker = speaker;
        posted.LockedFields = stored?.LockedFields ?? default;
        posted.PhotoUrl = SpeakerPhotoUrls.For(speaker.SpeakerId, stored?.PhotoHash, 256);
        posted.MaxPhotoBytes = photoOptions.Value.MaxPhotoBytes;
    }

    /// <summary>Returns the form of one of the speaker's own talks, or null when the talk is not theirs.</summary>
    public async Task<TalkForm?> TalkFormAsync(OwnSpeaker speaker, int talkId, CancellationToken cancellationToken)
    {
        var form = await db.Talks.AsNoTracking().OfConference(speaker.ConferenceId)
            .Where(t => t.Id == talkId && t.Speakers.Any(ts => ts.SpeakerId == speaker.SpeakerId))
            .Select(t => new TalkForm
            {
                Version = t.Version,
                Title = t.Title,
                Abstract = t.Abstract,
                TalkId = t.Id,
                TalkSlug = t.Slug,
                SpeakerNames = t.Speakers.OrderBy(ts => ts.Position).Select(ts => ts.Speaker!.Name).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (form is null)
        {
            return null;
        }

        form.Speaker = speaker;
        form.MayEdit = speaker.SpeakersMayEditTalks;
        return form;
    }
}
