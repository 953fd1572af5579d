using System.Security.Claims;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Speakers;

/// <summary>A speaker record that belongs to the signed-in account, with what its pages need of the conference.</summary>
public sealed record OwnSpeaker(
    int SpeakerId,
    string SpeakerSlug,
    string SpeakerName,
    int ConferenceId,
    string ConferenceSlug,
    string ConferenceName,
    bool SpeakersMayEditTalks);

/// <summary>
/// The one resource check of the speaker area: every speaker page loads its speaker through
/// <see cref="FindAsync"/> or <see cref="ListAsync"/>, which return only records whose
/// <see cref="Speaker.UserId"/> is the signed-in account's id. Another speaker's conference slug
/// or talk id therefore finds nothing, and the page returns 404.
/// </summary>
public sealed class SpeakerAccess(ConferenceDbContext db)
{
    /// <summary>Returns the Identity user id of the signed-in account, or null for an anonymous request.</summary>
    public static string? UserIdOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>Returns the account's speaker record in the conference with the slug, or null when it has none there.</summary>
    public Task<OwnSpeaker?> FindAsync(ClaimsPrincipal user, string conferenceSlug, CancellationToken cancellationToken) =>
        Owned(user, conferenceSlug).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Returns every speaker record of the account, one per conference, newest conference first.</summary>
    public Task<List<OwnSpeaker>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        Owned(user, conferenceSlug: null).ToListAsync(cancellationToken);

    // An anonymous principal has no id; the empty string matches no record because
    // unlinked records store null.
    private IQueryable<OwnSpeaker> Owned(ClaimsPrincipal user, string? conferenceSlug)
    {
        var userId = UserIdOf(user) ?? "";
        return
            from speaker in db.Speakers.AsNoTracking()
            where speaker.UserId != null && speaker.UserId == userId
            join conference in db.Conferences.AsNoTracking() on speaker.ConferenceId equals conference.Id
            where conferenceSlug == null || conference.Slug == conferenceSlug
            orderby conference.StartDate descending, conference.Id, speaker.Id
            select new OwnSpeaker(speaker.Id, speaker.Slug, speaker.Name, conference.Id, conference.Slug, conference.Name, conference.SpeakersMayEditTalks);
    }
}
