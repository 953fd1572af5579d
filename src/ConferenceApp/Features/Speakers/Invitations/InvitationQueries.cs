using System.Globalization;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Speakers.Invitations;

/// <summary>The read side of invitations and accounts for the organizer's speaker pages.</summary>
public sealed class InvitationQueries(ConferenceDbContext db, TimeProvider time)
{
    /// <summary>Loads the account and invitations section of one speaker's page, or null when the speaker is not in the conference.</summary>
    public async Task<SpeakerAccountPanel?> PanelAsync(int conferenceId, string conferenceSlug, int speakerId, string? error, CancellationToken cancellationToken)
    {
        var speaker = await db.Speakers.AsNoTracking().OfConference(conferenceId)
            .Where(s => s.Id == speakerId)
            .Select(s => new { s.Id, AccountEmail = db.Users.Where(u => u.Id == s.UserId).Select(u => u.Email).FirstOrDefault(), s.UserId })
            .FirstOrDefaultAsync(cancellationToken);
        if (speaker is null)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var invitations = await db.SpeakerInvitations.AsNoTracking().OfConference(conferenceId)
            .Where(i => i.SpeakerId == speakerId)
            .OrderByDescending(i => i.CreatedAtUtc).ThenByDescending(i => i.Id)
            .ToListAsync(cancellationToken);
        var rows = invitations
            .Select(i => new InvitationRow(i.Id, i.Email, i.StatusAt(now), i.CreatedAtUtc, i.ExpiresAtUtc, i.AcceptedAtUtc, i.RevokedAtUtc, i.CreatedBy))
            .ToList();

        // An account without an email address still counts as an account.
        var accountEmail = speaker.UserId is null ? null : speaker.AccountEmail ?? "(account without email)";
        return new SpeakerAccountPanel(conferenceSlug, speakerId, accountEmail, rows, error);
    }

    /// <summary>Returns, per speaker id of the conference, whether an account is linked, the latest invitation's status, and the latest change.</summary>
    public async Task<Dictionary<int, SpeakerAccountSummary>> SummariesAsync(int conferenceId, CancellationToken cancellationToken)
    {
        var speakers = await db.Speakers.AsNoTracking().OfConference(conferenceId)
            .Select(s => new { s.Id, HasAccount = s.UserId != null })
            .ToListAsync(cancellationToken);

        var invitations = await db.SpeakerInvitations.AsNoTracking().OfConference(conferenceId)
            .OrderBy(i => i.CreatedAtUtc).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);

        // The latest audit entry per speaker row, by id because ids grow with time.
        var latestChanges = await db.AuditEntries.AsNoTracking()
            .Where(a => a.ConferenceId == conferenceId && a.EntityType == nameof(Speaker))
            .GroupBy(a => a.EntityId)
            .Select(g => g.OrderByDescending(a => a.Id).Select(a => new { a.EntityId, a.AtUtc, a.Actor }).First())
            .ToListAsync(cancellationToken);
        var changesById = latestChanges.ToDictionary(c => c.EntityId);

        var now = time.GetUtcNow().UtcDateTime;
        var latestInvitation = invitations.GroupBy(i => i.SpeakerId).ToDictionary(g => g.Key, g => g.Last().StatusAt(now));

        return speakers.ToDictionary(s => s.Id, s =>
        {
            var change = changesById.GetValueOrDefault(s.Id.ToString(CultureInfo.InvariantCulture));
            return new SpeakerAccountSummary(
                s.HasAccount,
                latestInvitation.TryGetValue(s.Id, out var status) ? status : null,
                change?.AtUtc,
                change?.Actor);
        });
    }
}
