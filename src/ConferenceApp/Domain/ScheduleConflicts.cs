namespace ConferenceApp.Domain;

/// <summary>What kind of problem a conflict is.</summary>
public enum ConflictKind
{
    /// <summary>Two items overlap in one room, or an item across all rooms overlaps any other item.</summary>
    RoomDoubleBooked = 0,

    /// <summary>One person is in two items that overlap.</summary>
    SpeakerDoubleBooked = 1,

    /// <summary>An item starts on a day that is not one of the conference's days.</summary>
    OutsideConferenceDays = 2,

    /// <summary>The talks of a session add up to more minutes than its time slot lasts.</summary>
    TalksExceedSlot = 3,

    /// <summary>An item in a room is not entirely inside one of the room's available intervals.</summary>
    RoomUnavailable = 4,

    /// <summary>A person is in an item that is not entirely inside one of their available intervals.</summary>
    SpeakerUnavailable = 5,
}

/// <summary>
/// A program item as the conflict rules see it: its local start and end in the conference's
/// zone and its room (null for an item across all rooms). Its people are everyone in it, the
/// speakers of its talks and the people leading it. <paramref name="TalkMinutes"/> lists the
/// length of each of its talks, null where a length is unknown.
/// </summary>
public sealed record PlacedItem(
    int SessionId,
    string Title,
    DateTime Start,
    DateTime End,
    int? RoomId,
    IReadOnlyCollection<int> SpeakerIds,
    string? RoomName = null,
    IReadOnlyList<int?>? TalkMinutes = null);

/// <summary>One conflict between items, of one item with the conference's days, or of one item with the times a room or person is available.</summary>
public sealed record ScheduleConflict(ConflictKind Kind, IReadOnlyList<int> SessionIds, string Message)
{
    /// <summary>The room the conflict is about, for a room double-booked or unavailable; null otherwise.</summary>
    public int? RoomId { get; init; }

    /// <summary>The person the conflict is about, for a person double-booked or unavailable; null otherwise.</summary>
    public int? SpeakerId { get; init; }
}

/// <summary>The available times of rooms and of people by id. A room or person missing from a dictionary is always available.</summary>
public sealed record StatedAvailability(IReadOnlyDictionary<int, Availability> Rooms, IReadOnlyDictionary<int, Availability> People)
{
    public static readonly StatedAvailability None = new(new Dictionary<int, Availability>(), new Dictionary<int, Availability>());
}

/// <summary>
/// Finds the conflicts in a program. Conflicts are warnings: the rules report them and block
/// nothing. Times are compared as instants, so an item that ends at 02:30 on the night the
/// clocks go back is placed correctly, and items that only touch (one ends when the next
/// starts) do not overlap.
/// </summary>
public static class ScheduleConflicts
{
    public static List<ScheduleConflict> Find(
        Conference conference,
        IReadOnlyList<PlacedItem> items,
        IReadOnlyDictionary<int, string> speakerNames,
        StatedAvailability? availability = null)
    {
        var clock = new ConferenceClock(conference.TimeZoneId);
        var spans = items
            .Select(item => (Item: item, Start: clock.ToInstantForDisplay(item.Start), End: clock.ToInstantForDisplay(item.End)))
            .OrderBy(span => span.Start).ThenBy(span => span.Item.SessionId)
            .ToList();

        var conflicts = new List<ScheduleConflict>();
        foreach (var span in spans.Where(span => !conference.HasDay(DateOnly.FromDateTime(span.Item.Start))))
        {
            conflicts.Add(new ScheduleConflict(ConflictKind.OutsideConferenceDays, [span.Item.SessionId],
                $"\"{span.Item.Title}\" starts on {span.Item.Start:yyyy-MM-dd}, which is not one of the conference's days."));
        }

        for (var first = 0; first < spans.Count; first++)
        {
            for (var second = first + 1; second < spans.Count && spans[second].Start < spans[first].End; second++)
            {
                // Spans are sorted by start, so the second starts inside the first: they overlap.
                var (a, b) = (spans[first].Item, spans[second].Item);
                if (a.RoomId is null || b.RoomId is null || a.RoomId == b.RoomId)
                {
                    var where = a.RoomId is null || b.RoomId is null ? "an item across all rooms overlaps another item" : "they share a room";
                    conflicts.Add(new ScheduleConflict(ConflictKind.RoomDoubleBooked, [a.SessionId, b.SessionId],
                        $"\"{a.Title}\" and \"{b.Title}\" overlap, and {where}.") { RoomId = a.RoomId ?? b.RoomId });
                }

                foreach (var speakerId in a.SpeakerIds.Intersect(b.SpeakerIds).Order())
                {
                    var name = speakerNames.GetValueOrDefault(speakerId, $"Speaker {speakerId}");
                    conflicts.Add(new ScheduleConflict(ConflictKind.SpeakerDoubleBooked, [a.SessionId, b.SessionId],
                        $"{name} is in both \"{a.Title}\" and \"{b.Title}\", which overlap.") { SpeakerId = speakerId });
                }
            }
        }

        foreach (var span in spans)
        {
            AddTalkLength(conflicts, span.Item, span.End - span.Start);
            AddAvailability(conflicts, clock, span.Item, availability ?? StatedAvailability.None, speakerNames);
        }

        return conflicts;
    }

    /// <summary>Adds a conflict when the known talk lengths add up to more than the slot's real length. Unknown lengths count as 0.</summary>
    private static void AddTalkLength(List<ScheduleConflict> conflicts, PlacedItem item, TimeSpan slotLength)
    {
        var lengths = item.TalkMinutes ?? [];
        var total = lengths.Sum(minutes => minutes ?? 0);
        var slotMinutes = (int)Math.Round(slotLength.TotalMinutes);
        if (total <= slotMinutes)
        {
            return;
        }

        var unknown = lengths.Count(minutes => minutes is null);
        var excess = $"{total} minutes, {total - slotMinutes} more than its {slotMinutes}-minute slot";
        var message = (lengths.Count, unknown) switch
        {
            (1, _) => $"The talk of “{item.Title}” lasts {excess}.",
            (_, 0) => $"The talks of “{item.Title}” last {excess}.",
            _ => $"The talks of “{item.Title}” with a known length last {excess}, and {unknown} of its {lengths.Count} talks {(unknown == 1 ? "has" : "have")} no length yet.",
        };
        conflicts.Add(new ScheduleConflict(ConflictKind.TalksExceedSlot, [item.SessionId], message));
    }

    /// <summary>Adds a conflict for the item's room and for each of its people when the item is not entirely inside one of their intervals.</summary>
    private static void AddAvailability(
        List<ScheduleConflict> conflicts,
        ConferenceClock clock,
        PlacedItem item,
        StatedAvailability availability,
        IReadOnlyDictionary<int, string> speakerNames)
    {
        var when = new LocalInterval(item.Start, item.End);

        // An item across all rooms has no room whose times could rule it out.
        if (item.RoomId is { } roomId && availability.Rooms.TryGetValue(roomId, out var room) && !room.Covers(clock, item.Start, item.End))
        {
            var roomName = item.RoomName ?? $"room {roomId}";
            conflicts.Add(new ScheduleConflict(ConflictKind.RoomUnavailable, [item.SessionId],
                $"“{item.Title}” ({when}) is in {roomName}, but not entirely inside one of the room's available times.") { RoomId = roomId });
        }

        foreach (var speakerId in item.SpeakerIds.Order())
        {
            if (availability.People.TryGetValue(speakerId, out var person) && !person.Covers(clock, item.Start, item.End))
            {
                var name = speakerNames.GetValueOrDefault(speakerId, $"Speaker {speakerId}");
                conflicts.Add(new ScheduleConflict(ConflictKind.SpeakerUnavailable, [item.SessionId],
                    $"{name} is in “{item.Title}” ({when}), which is not entirely inside one of the times they are available.") { SpeakerId = speakerId });
            }
        }
    }
}
