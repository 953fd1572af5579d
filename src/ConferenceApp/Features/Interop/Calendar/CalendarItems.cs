using System.Text;
using ConferenceApp.Domain;
using ConferenceApp.Infrastructure.Calendar;

namespace ConferenceApp.Features.Interop.Calendar;

/// <summary>
/// Builds one event per item of a released program, in program order. Each talk in a placed
/// session is an item. Each placed session is one too, unless it is exactly one talk without a
/// title of its own, which the program shows as that talk. These are the items that
/// <see cref="ProgramSnapshot.ToReleasedItems"/> compares between releases.
/// </summary>
internal static class CalendarItems
{
    public static List<CalendarItem> Build(ProgramSnapshot snapshot, ConferenceClock clock, CalendarLinks links, DateTimeOffset publishedAt, string uidHost)
    {
        var slots = snapshot.Slots.ToDictionary(s => s.Id);
        var rooms = snapshot.Rooms.ToDictionary(r => r.Id);
        var speakers = snapshot.Speakers.ToDictionary(s => s.Id);
        var talksBySession = snapshot.Talks.Where(t => t.SessionId is not null).ToLookup(t => t.SessionId!.Value);
        var sequence = IcsEventIdentity.Sequence(publishedAt);
        var venue = snapshot.Conference.Venue;

        var placed = snapshot.Sessions
            .Where(s => s.TimeSlotId is { } slotId && slots.ContainsKey(slotId))
            .Select(s => (Session: s, Slot: slots[s.TimeSlotId!.Value], Room: s.RoomId is { } roomId ? rooms.GetValueOrDefault(roomId) : null))
            .OrderBy(p => p.Slot.Start).ThenBy(p => p.Slot.End)
            .ThenBy(p => p.Room?.Position ?? -1).ThenBy(p => p.Session.Id);

        var items = new List<CalendarItem>();
        foreach (var (session, slot, room) in placed)
        {
            var talks = talksBySession[session.Id].OrderBy(t => t.Position).ThenBy(t => t.Id).ToList();
            var start = clock.ToInstantForDisplay(slot.Start);
            var end = clock.ToInstantForDisplay(slot.End);
            var location = Location(room?.Name, venue);
            // The kind, then the track when there is one; CATEGORIES takes several values.
            string[] categories = session.Track is { } track ? [session.Kind.Label(), track] : [session.Kind.Label()];
            var isSingleTalk = session.Title is null && talks.Count == 1;

            if (!isSingleTalk)
            {
                var title = Session.DisplayTitle(session.Title, session.Kind, [.. talks.Select(t => t.Title)]);
                var sessionEvent = new IcsEvent(
                    IcsEventIdentity.SessionUid(session.Id, uidHost), publishedAt, start, end, sequence, title,
                    SessionDescription(session, talks, speakers, links), location, links.ProgramItem(session.Id))
                {
                    Categories = categories,
                };
                items.Add(new CalendarItem(sessionEvent, null, session.People.Select(p => p.SpeakerId).ToHashSet())
                {
                    AgendaKeys = [AgendaItemKey.Session(session.Id)],
                });
            }

            foreach (var talk in talks)
            {
                var partOf = isSingleTalk ? null : Session.DisplayTitle(session.Title, session.Kind, [.. talks.Select(t => t.Title)]);
                var talkEvent = new IcsEvent(
                    IcsEventIdentity.TalkUid(talk.Id, uidHost), publishedAt, start, end, sequence, talk.Title,
                    TalkDescription(talk, partOf, speakers, links), location, links.Talk(talk.Slug))
                {
                    Categories = categories,
                };

                // The people who lead a single-talk session appear on the program beside its talk.
                var people = talk.Speakers.Select(s => s.SpeakerId);
                if (isSingleTalk)
                {
                    people = people.Concat(session.People.Select(p => p.SpeakerId));
                }

                items.Add(new CalendarItem(talkEvent, talk.Id, people.ToHashSet())
                {
                    AgendaKeys = isSingleTalk ? [AgendaItemKey.Talk(talk.Id), AgendaItemKey.Session(session.Id)] : [AgendaItemKey.Talk(talk.Id)],
                });
            }
        }

        return items;
    }

    private static string Location(string? roomName, string? venue)
    {
        var place = roomName ?? "All rooms";
        return venue is null ? place : $"{place}, {venue}";
    }

    private static string TalkDescription(SnapshotTalk talk, string? partOf, Dictionary<int, SnapshotSpeaker> speakers, CalendarLinks links)
    {
        var text = new StringBuilder();
        if (talk.Abstract is not null)
        {
            text.Append(talk.Abstract).Append("\n\n");
        }

        var names = Names(talk.Speakers, speakers);
        if (names.Length > 0)
        {
            text.Append(talk.Speakers.Count == 1 ? "Speaker: " : "Speakers: ").Append(names).Append('\n');
        }

        if (partOf is not null)
        {
            text.Append("Part of: ").Append(partOf).Append('\n');
        }

        text.Append(links.Talk(talk.Slug).AbsoluteUri);
        return text.ToString();
    }

    private static string SessionDescription(SnapshotSession session, List<SnapshotTalk> talks, Dictionary<int, SnapshotSpeaker> speakers, CalendarLinks links)
    {
        var text = new StringBuilder();
        if (session.Description is not null)
        {
            text.Append(session.Description).Append("\n\n");
        }

        var names = Names(session.People, speakers);
        if (names.Length > 0)
        {
            text.Append("With ").Append(names).Append('\n');
        }

        if (talks.Count > 0)
        {
            text.Append("Talks:\n");
            foreach (var talk in talks)
            {
                var speakerNames = Names(talk.Speakers, speakers);
                text.Append("- ").Append(talk.Title);
                if (speakerNames.Length > 0)
                {
                    text.Append(" (").Append(speakerNames).Append(')');
                }

                text.Append('\n');
            }
        }

        text.Append(links.ProgramItem(session.Id).AbsoluteUri);
        return text.ToString();
    }

    // Returns "Ada Lovelace (host), Grace Hopper": the people in their listed order, with roles where set.
    private static string Names(IEnumerable<SnapshotPerson> people, Dictionary<int, SnapshotSpeaker> speakers) =>
        string.Join(", ", people
            .Where(p => speakers.ContainsKey(p.SpeakerId))
            .Select(p => p.Role is null ? speakers[p.SpeakerId].Name : $"{speakers[p.SpeakerId].Name} ({p.Role})"));
}
