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
}

/// <summary>
/// A program item as the conflict rules see it: its local start and end in the conference's
/// zone and its room (null for an item across all rooms). Its people are everyone in it, the
/// speakers of its talks and the people leading it.
/// </summary>
public sealed record PlacedItem(int SessionId, string Title, DateTime Start, DateTime End, int? RoomId, IReadOnlyCollection<int> SpeakerIds);

/// <summary>One conflict between items, or of one item with the conference's days.</summary>
public sealed record ScheduleConflict(ConflictKind Kind, IReadOnlyList<int> SessionIds, string Message);

/// <summary>
/// Finds the conflicts in a program. Conflicts are warnings: the rules report them and block
/// nothing. Times are compared as instants, so an item that ends at 02:30 on the night the
/// clocks go back is placed correctly, and items that only touch (one ends when the next
/// starts) do not overlap.
/// </summary>
public static class ScheduleConflicts
{
    public static List<ScheduleConflict> Find(Conference conference, IReadOnlyList<PlacedItem> items, IReadOnlyDictionary<int, string> speakerNames)
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
                        $"\"{a.Title}\" and \"{b.Title}\" overlap, and {where}."));
                }

                foreach (var speakerId in a.SpeakerIds.Intersect(b.SpeakerIds).Order())
                {
                    var name = speakerNames.GetValueOrDefault(speakerId, $"Speaker {speakerId}");
                    conflicts.Add(new ScheduleConflict(ConflictKind.SpeakerDoubleBooked, [a.SessionId, b.SessionId],
                        $"{name} is in both \"{a.Title}\" and \"{b.Title}\", which overlap."));
                }
            }
        }

        return conflicts;
    }
}
