using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Features.Organize.Conflicts;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Features.Organize.Schedule;

/// <summary>The read side of the schedule editor: the grid of one day, the "Move…" form, and the current place of a session or talk after a rejected move.</summary>
public sealed class ScheduleQueries(ConferenceDbContext db, OrganizeQueries organize, ConflictQueries conflicts)
{
    /// <summary>Builds the editor for <paramref name="day"/>, or for the conference's first day when <paramref name="day"/> is not one of its days.</summary>
    public async Task<ScheduleEditorPage> EditorAsync(OrganizeConference owner, DateOnly? day, int? snap, CancellationToken cancellationToken)
    {
        var shownDay = day is { } requested && requested >= owner.StartDate && requested <= owner.EndDate ? requested : owner.StartDate;

        var sessions = await db.Sessions.AsNoTracking().OfConference(owner.Id)
            .Select(s => new { s.Id, s.Version, s.Title, s.Kind, s.TimeSlotId, s.RoomId })
            .ToListAsync(cancellationToken);
        var slots = await db.TimeSlots.AsNoTracking().OfConference(owner.Id)
            .ToDictionaryAsync(s => s.Id, s => new { s.Start, s.End }, cancellationToken);
        var rooms = await organize.RoomChoicesAsync(owner.Id, cancellationToken);
        var talks = await TalksAsync(owner.Id, cancellationToken);
        var people = (await db.SessionPeople.AsNoTracking()
                .Where(p => db.Sessions.OfConference(owner.Id).Any(s => s.Id == p.SessionId))
                .OrderBy(p => p.Position)
                .Select(p => new { p.SessionId, p.Speaker!.Name, p.Role })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.SessionId, p => p.Role is null ? p.Name : $"{p.Name} ({p.Role})");
        var (conflictsBySession, conflictCount) = await ConflictMessagesAsync(owner, cancellationToken);

        var placed = sessions
            .Where(s => s.TimeSlotId is { } slotId && slots.ContainsKey(slotId) && DateOnly.FromDateTime(slots[slotId].Start) == shownDay)
            .Select(s => new { Session = s, Slot = slots[s.TimeSlotId!.Value] })
            .ToList();
        var grid = ScheduleGrid.For(shownDay, ScheduleGrid.ChooseSnap(snap), placed.Select(p => (p.Slot.Start, p.Slot.End)));
        var columns = Columns(rooms);
        var lastColumnLine = columns[^1].GridColumn + 1;

        ScheduleBlock BlockOf(int id, Guid version, string? title, SessionKind kind)
        {
            var sessionTalks = talks[id].ToList();
            return new ScheduleBlock(id, version, Session.DisplayTitle(title, kind, [.. sessionTalks.Select(t => t.Title)]), kind.Label(),
                string.Join(", ", people[id]), sessionTalks, conflictsBySession[id].ToList());
        }

        var blocks = placed
            .Select(p =>
            {
                var column = p.Session.RoomId is { } roomId ? columns.FirstOrDefault(c => c.RoomKey == Key(roomId)) : null;
                return BlockOf(p.Session.Id, p.Session.Version, p.Session.Title, p.Session.Kind) with
                {
                    RoomKey = column?.RoomKey ?? ScheduleFormat.AllRooms,
                    RoomName = column?.Name,
                    TimeLabel = ScheduleGrid.RangeLabel(shownDay, p.Slot.Start, p.Slot.End),
                    StartMinute = ScheduleGrid.MinuteOf(shownDay, p.Slot.Start),
                    EndMinute = ScheduleGrid.MinuteOf(shownDay, p.Slot.End),
                    DurationMinutes = ScheduleGrid.MinuteOf(shownDay, p.Slot.End) - ScheduleGrid.MinuteOf(shownDay, p.Slot.Start),
                    RowStart = grid.RowStartOf(p.Slot.Start) + 1,
                    RowEnd = Math.Max(grid.RowEndOf(p.Slot.End), grid.RowStartOf(p.Slot.Start) + 1) + 1,
                    ColumnStart = column?.GridColumn ?? 2,
                    ColumnEnd = column is null ? lastColumnLine : column.GridColumn + 1,
                };
            })
            .OrderBy(b => b.StartMinute).ThenBy(b => b.ColumnStart).ThenBy(b => b.Id)
            .ToList();
        blocks = WithLanes(blocks);

        var unscheduled = sessions
            .Where(s => s.TimeSlotId is null)
            .Select(s => BlockOf(s.Id, s.Version, s.Title, s.Kind))
            .OrderBy(b => b.Title, StringComparer.CurrentCulture).ThenBy(b => b.Id)
            .ToList();

        var days = Enumerable.Range(0, owner.EndDate.DayNumber - owner.StartDate.DayNumber + 1)
            .Select(offset => owner.StartDate.AddDays(offset))
            .Select(d => new ScheduleDayTab(d, OrganizeFormat.ShortDay(d), d == shownDay))
            .ToList();

        return new ScheduleEditorPage(owner, grid, days, columns, blocks, unscheduled, [.. talks[null]],
            await organize.SessionChoicesAsync(owner.Id, cancellationToken), conflictCount);
    }

    /// <summary>Returns the "Move…" form filled with the session's current place, or null when the session is not in the conference.</summary>
    public async Task<PlaceForm?> PlaceFormAsync(OrganizeConference owner, int id, int? snap, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().OfConference(owner.Id)
            .Where(s => s.Id == id)
            .Select(s => new { s.Id, s.Version, s.TimeSlotId, s.RoomId })
            .FirstOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return null;
        }

        var slot = session.TimeSlotId is { } slotId
            ? await db.TimeSlots.AsNoTracking().Where(s => s.Id == slotId).Select(s => new { s.Start, s.End }).FirstOrDefaultAsync(cancellationToken)
            : null;

        var form = new PlaceForm
        {
            Id = session.Id,
            Version = session.Version,
            RoomId = session.RoomId,
            Snap = snap,
            Day = slot is null ? null : DateOnly.FromDateTime(slot.Start),
            StartTime = slot is null ? null : ScheduleFormat.ClockTime(TimeOnly.FromDateTime(slot.Start)),
            EndTime = slot is null ? null : ScheduleFormat.ClockTime(TimeOnly.FromDateTime(slot.End)),
            EndsNextDay = slot is not null && slot.End.Date > slot.Start.Date,
        };
        await FillPlaceFormAsync(form, owner, cancellationToken);
        return form;
    }

    /// <summary>Sets the room choices, the session's title and its current place, which a posted form lacks.</summary>
    public async Task FillPlaceFormAsync(PlaceForm form, OrganizeConference owner, CancellationToken cancellationToken)
    {
        form.Conference = owner;
        form.Rooms = await organize.RoomChoicesAsync(owner.Id, cancellationToken);
        if (form.Id is { } id && await PlaceOfSessionAsync(owner.Id, id, cancellationToken) is { } place)
        {
            form.Title = place.Title;
            form.CurrentPlace = place.Where;
            form.Talks = [.. (await TalksInSessionAsync(owner.Id, id, cancellationToken))];
            form.Sessions = await organize.SessionChoicesAsync(owner.Id, cancellationToken);
        }
    }

    private async Task<IEnumerable<ScheduleTalk>> TalksInSessionAsync(int conferenceId, int sessionId, CancellationToken cancellationToken)
    {
        var talks = await db.Talks.AsNoTracking().OfConference(conferenceId)
            .Where(t => t.SessionId == sessionId)
            .OrderBy(t => t.Position).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.Version, t.Title, Speakers = t.Speakers.OrderBy(s => s.Position).Select(s => s.Speaker!.Name).ToList() })
            .ToListAsync(cancellationToken);
        return talks.Select((t, index) => new ScheduleTalk(t.Id, t.Version, t.Title, string.Join(", ", t.Speakers), sessionId, index));
    }

    /// <summary>Returns the message for a rejected session move: who changed it and where the session is now.</summary>
    public async Task<string> SessionConflictMessageAsync(OrganizeConference owner, int id, CancellationToken cancellationToken) =>
        await PlaceOfSessionAsync(owner.Id, id, cancellationToken) is { } place
            ? $"Someone else changed {Text.Quoted(place.Title)} after this grid was loaded, so your move was not saved. It is now {place.Where}."
            : "Someone else deleted this session after this grid was loaded, so your move was not saved.";

    /// <summary>Returns the message for a rejected talk move: who changed it and where the talk is now.</summary>
    public async Task<string> TalkConflictMessageAsync(OrganizeConference owner, int id, CancellationToken cancellationToken)
    {
        var talk = await db.Talks.AsNoTracking().OfConference(owner.Id)
            .Where(t => t.Id == id)
            .Select(t => new { t.Title, t.SessionId, t.Position })
            .FirstOrDefaultAsync(cancellationToken);
        if (talk is null)
        {
            return "Someone else deleted this talk after this grid was loaded, so your move was not saved.";
        }

        var where = "not in any session";
        if (talk.SessionId is { } sessionId && await PlaceOfSessionAsync(owner.Id, sessionId, cancellationToken) is { } session)
        {
            var count = await db.Talks.CountAsync(t => t.SessionId == sessionId, cancellationToken);
            where = $"talk {talk.Position + 1} of {count} in {Text.Quoted(session.Title)} ({session.Where})";
        }

        return $"Someone else changed {Text.Quoted(talk.Title)} after this grid was loaded, so your move was not saved. It is now {where}.";
    }

    /// <summary>Returns the session's display title and a phrase such as "Thu 9 Mar 2023, 10:00–10:45 in Main hall".</summary>
    private async Task<(string Title, string Where)?> PlaceOfSessionAsync(int conferenceId, int id, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().OfConference(conferenceId)
            .Where(s => s.Id == id)
            .Select(s => new { s.Title, s.Kind, s.TimeSlotId, s.RoomId })
            .FirstOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return null;
        }

        var talkTitles = await db.Talks.AsNoTracking().Where(t => t.SessionId == id).OrderBy(t => t.Position).ThenBy(t => t.Id).Select(t => t.Title).ToListAsync(cancellationToken);
        var slot = session.TimeSlotId is { } slotId
            ? await db.TimeSlots.AsNoTracking().Where(s => s.Id == slotId).Select(s => new { s.Start, s.End }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var room = session.RoomId is { } roomId
            ? await db.Rooms.AsNoTracking().Where(r => r.Id == roomId).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken)
            : null;

        var title = Session.DisplayTitle(session.Title, session.Kind, talkTitles);
        var where = slot is null ? "not on the program" : $"{OrganizeFormat.SlotLabel(slot.Start, slot.End)} {(room is null ? "across all rooms" : $"in {room}")}";
        return (title, where);
    }

    private async Task<ILookup<int?, ScheduleTalk>> TalksAsync(int conferenceId, CancellationToken cancellationToken)
    {
        var talks = await db.Talks.AsNoTracking().OfConference(conferenceId)
            .OrderBy(t => t.Position).ThenBy(t => t.Id)
            .Select(t => new
            {
                t.Id,
                t.Version,
                t.Title,
                t.SessionId,
                t.Position,
                Speakers = t.Speakers.OrderBy(s => s.Position).Select(s => s.Speaker!.Name).ToList(),
            })
            .ToListAsync(cancellationToken);

        return talks
            .GroupBy(t => t.SessionId)
            .SelectMany(group => group.Select((t, index) => new ScheduleTalk(t.Id, t.Version, t.Title, string.Join(", ", t.Speakers), t.SessionId, index)))
            .OrderBy(t => t.SessionId is null ? t.Title : "").ThenBy(t => t.Position)
            .ToLookup(t => t.SessionId);
    }

    /// <summary>Returns the conflict messages of each session and the number of conflicts, from the conflicts page's rules.</summary>
    private async Task<(ILookup<int, string> BySession, int Count)> ConflictMessagesAsync(OrganizeConference owner, CancellationToken cancellationToken)
    {
        var rows = (await conflicts.ListAsync(owner, cancellationToken))?.Conflicts ?? [];
        var bySession = rows
            .SelectMany(conflict => conflict.Sessions.Select(session => (session.Id, conflict.Message)))
            .ToLookup(pair => pair.Id, pair => pair.Message);
        return (bySession, rows.Count);
    }

    /// <summary>Puts blocks of one column (a room, or all rooms) that overlap in time side by side, each in its own lane.</summary>
    private static List<ScheduleBlock> WithLanes(List<ScheduleBlock> blocks)
    {
        var result = new List<ScheduleBlock>(blocks);
        foreach (var column in Enumerable.Range(0, blocks.Count).GroupBy(i => blocks[i].RoomKey))
        {
            var indexes = column.ToList();
            var places = ScheduleLanes.Assign([.. indexes.Select(i => (blocks[i].StartMinute, blocks[i].EndMinute))]);
            for (var n = 0; n < indexes.Count; n++)
            {
                result[indexes[n]] = blocks[indexes[n]] with { Lane = places[n].Lane, LaneCount = places[n].LaneCount };
            }
        }

        return result;
    }

    private static List<ScheduleColumn> Columns(IReadOnlyList<Choice> rooms) =>
        [new ScheduleColumn(ScheduleFormat.AllRooms, "All rooms", 2), .. rooms.Select((room, index) => new ScheduleColumn(Key(room.Id), room.Label, index + 3))];

    private static string Key(int roomId) => roomId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
