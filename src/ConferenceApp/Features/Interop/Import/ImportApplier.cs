using System.Data.Common;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Interop.Import;

/// <summary>Why an import wrote nothing. <see cref="IsUniqueViolation"/> is set when another change saved an item with the same source id at the same time.</summary>
public sealed record ImportApplyFailure(string Message, bool IsUniqueViolation);

/// <summary>
/// Writes an import plan to the draft in one transaction. Rooms, slots and speakers are saved
/// first, sessions next and talks last, because each needs the ids of the ones before. Every save
/// writes its audit entries, and a failure at any step rolls all of them back.
/// </summary>
public sealed class ImportApplier(ConferenceDbContext db, ILogger<ImportApplier> logger)
{
    /// <summary>Applies the Create and Update rows of <paramref name="plan"/>. Returns null on success, else why nothing was written.</summary>
    public async Task<ImportApplyFailure?> ApplyAsync(int conferenceId, ImportPlan plan, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var conference = await db.Conferences.FirstAsync(c => c.Id == conferenceId, cancellationToken);
            var rooms = await ApplyRoomsAsync(conferenceId, plan.Rooms, cancellationToken);
            var slots = await ApplySlotsAsync(conference, plan.Slots, cancellationToken);
            var speakers = await ApplySpeakersAsync(conferenceId, plan.Speakers, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            var sessions = await ApplySessionsAsync(conferenceId, plan.Sessions, slots, rooms, speakers, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            await ApplyTalksAsync(conferenceId, plan.Talks, sessions, speakers, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            await transaction.CommitAsync(cancellationToken);
            return null;
        }
        catch (DomainValidationException exception)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new ImportApplyFailure(string.Join(" ", exception.Errors.Select(e => e.Message)), IsUniqueViolation: false);
        }
        catch (DbUpdateException exception)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var unique = IsUniqueViolation(exception);
            logger.LogWarning(exception, "The database rejected a row of an import into conference {ConferenceId} (unique key violated: {Unique})", conferenceId, unique);
            return new ImportApplyFailure(
                unique
                    ? "another change added an item with the same source id while this import was being saved."
                    : "the database rejected a row. The server log has the details.",
                unique);
        }
    }

    // SQLite reports a unique index as constraint error 19 with the extended code 2067 (1555 for a
    // primary key); PostgreSQL uses SQLSTATE 23505.
    private static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        DbException other => other.SqlState == "23505",
        _ => false,
    };

    private async Task<Dictionary<string, Room>> ApplyRoomsAsync(int conferenceId, IReadOnlyList<PlanRow<RoomValues>> rows, CancellationToken cancellationToken)
    {
        var existing = await db.Rooms.OfConference(conferenceId).ToDictionaryAsync(r => r.Id, cancellationToken);
        var nextPosition = existing.Count == 0 ? 0 : existing.Values.Max(r => r.Position) + 1;
        var byKey = new Dictionary<string, Room>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Values is not null))
        {
            var room = row.ExistingId is { } id ? existing[id] : null;
            if (room is null)
            {
                room = Room.Create(conferenceId, row.Values!.Name, Math.Min(nextPosition++, 10_000));
                db.Rooms.Add(room);
            }
            else if (row.Action == ImportAction.Update)
            {
                room.Update(row.Values!.Name, room.Position);
            }

            if (row.Action != ImportAction.Unchanged)
            {
                room.SetSourceKey(row.Key);
            }

            byKey[row.Key] = room;
        }

        return byKey;
    }

    private async Task<Dictionary<string, TimeSlot>> ApplySlotsAsync(Conference conference, IReadOnlyList<PlanRow<SlotValues>> rows, CancellationToken cancellationToken)
    {
        var existing = await db.TimeSlots.OfConference(conference.Id).ToDictionaryAsync(s => s.Id, cancellationToken);
        var byKey = new Dictionary<string, TimeSlot>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Values is not null))
        {
            var slot = row.ExistingId is { } id ? existing[id] : null;
            if (slot is null)
            {
                slot = TimeSlot.Create(conference, row.Values!.Start, row.Values.End);
                db.TimeSlots.Add(slot);
            }

            byKey[row.Key] = slot;
        }

        return byKey;
    }

    private async Task<Dictionary<string, Speaker>> ApplySpeakersAsync(int conferenceId, IReadOnlyList<PlanRow<SpeakerValues>> rows, CancellationToken cancellationToken)
    {
        var existing = await db.Speakers.OfConference(conferenceId).ToDictionaryAsync(s => s.Id, cancellationToken);
        var slugs = new HashSet<string>(existing.Values.Select(s => s.Slug), StringComparer.Ordinal);
        var byKey = new Dictionary<string, Speaker>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Values is not null))
        {
            var speaker = row.ExistingId is { } id ? existing[id] : null;
            if (speaker is null)
            {
                speaker = Speaker.Create(conferenceId, new SpeakerDetails(FreeSlug(row.Values!.Name, "speaker", slugs), row.Values.Name, row.Values.Headline, row.Values.Bio));
                speaker.SetSourceKey(row.Key);
                speaker.SetEmail(row.Values.Email);
                db.Speakers.Add(speaker);
            }
            else if (row.Action == ImportAction.Update)
            {
                speaker.Update(new SpeakerDetails(speaker.Slug, row.Values!.Name, row.Values.Headline ?? speaker.Headline, row.Values.Bio ?? speaker.Bio));
                speaker.SetEmail(row.Values.Email ?? speaker.Email);
                speaker.SetSourceKey(row.Key);
            }

            byKey[row.Key] = speaker;
        }

        return byKey;
    }

    private async Task<Dictionary<string, Session>> ApplySessionsAsync(
        int conferenceId,
        IReadOnlyList<PlanRow<SessionValues>> rows,
        Dictionary<string, TimeSlot> slots,
        Dictionary<string, Room> rooms,
        Dictionary<string, Speaker> speakers,
        CancellationToken cancellationToken)
    {
        var existing = await db.Sessions.OfConference(conferenceId).Include(s => s.People).ToDictionaryAsync(s => s.Id, cancellationToken);
        var byKey = new Dictionary<string, Session>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Values is not null))
        {
            var values = row.Values!;
            var session = row.ExistingId is { } id ? existing[id] : null;
            if (session is null)
            {
                session = Session.Create(conferenceId, values.Title, values.Kind, values.Description);
                session.SetTrackAndLanguage(values.Track, values.Language);
                session.SetSourceKey(row.Key);
                db.Sessions.Add(session);
            }
            else if (row.Action == ImportAction.Update)
            {
                session.Update(values.Title, values.Kind, values.Description);
                session.SetTrackAndLanguage(values.Track, values.Language);
            }

            if (row.Action != ImportAction.Unchanged)
            {
                session.PlaceIn(slots[values.SlotKey], values.RoomKey is null ? null : rooms[values.RoomKey]);
                session.SetPeople([.. values.PeopleKeys.Select(key => new PersonAssignment(speakers[key], null))]);
            }

            byKey[row.Key] = session;
        }

        return byKey;
    }

    private async Task ApplyTalksAsync(
        int conferenceId,
        IReadOnlyList<PlanRow<TalkValues>> rows,
        Dictionary<string, Session> sessions,
        Dictionary<string, Speaker> speakers,
        CancellationToken cancellationToken)
    {
        var existing = await db.Talks.OfConference(conferenceId).Include(t => t.Speakers).ToDictionaryAsync(t => t.Id, cancellationToken);
        var slugs = new HashSet<string>(existing.Values.Select(t => t.Slug), StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Values is not null && r.Action != ImportAction.Unchanged))
        {
            var values = row.Values!;
            var talk = row.ExistingId is { } id ? existing[id] : null;
            if (talk is null)
            {
                talk = Talk.Create(conferenceId, FreeSlug(values.Title, "talk", slugs), values.Title, values.Abstract);
                talk.SetSourceKey(row.Key);
                db.Talks.Add(talk);
            }
            else
            {
                talk.Update(talk.Slug, values.Title, values.Abstract);
            }

            talk.SetDuration(values.DurationMinutes);
            talk.PlaceIn(sessions[values.SessionKey], values.Position);
            talk.SetSpeakers([.. values.SpeakerKeys.Select(key => new PersonAssignment(speakers[key], null))]);
        }
    }

    // Makes a slug from the text that no row of the conference has yet, appending "-2", "-3"… as needed.
    private static string FreeSlug(string text, string fallback, HashSet<string> taken)
    {
        var baseSlug = Slug.From(text, fallback);
        var candidate = baseSlug;
        for (var suffix = 2; taken.Contains(candidate); suffix++)
        {
            var tail = $"-{suffix}";
            candidate = (baseSlug.Length + tail.Length > Slug.MaxLength ? baseSlug[..(Slug.MaxLength - tail.Length)].TrimEnd('-') : baseSlug) + tail;
        }

        taken.Add(candidate);
        return candidate;
    }
}
