using ConferenceApp.Domain;
using ConferenceApp.Infrastructure.Calendar;

namespace ConferenceApp.Features.Interop.Calendar;

/// <summary>The release that a calendar is written from: its snapshot and when it was published.</summary>
public sealed record CalendarRelease(string ConferenceSlug, ProgramSnapshot Snapshot, DateTimeOffset PublishedAt);

/// <summary>
/// Turns a released program into iCalendar objects: the whole program, one talk, or one speaker.
/// Each talk is one event, and so is each placed session that is not a single talk (a break, a
/// meal, the opening, a block of talks). Items without a time slot are left out.
/// </summary>
public sealed class ProgramCalendar
{
    public const string ProductId = "-//ConferenceApp//Program//EN";

    private readonly CalendarRelease _release;
    private readonly IcsTimeZone _timeZone;
    private readonly List<CalendarItem> _items;

    /// <param name="siteUrl">The site's public address, ending in "/"; every link in the calendar is absolute from it.</param>
    /// <param name="uidHost">The domain part of each UID, from <see cref="IcsEventIdentity.UidHost"/>.</param>
    public ProgramCalendar(CalendarRelease release, Uri siteUrl, string uidHost)
    {
        _release = release;

        var snapshot = release.Snapshot;
        var clock = new ConferenceClock(snapshot.Conference.TimeZoneId);
        var zone = ConferenceClock.FindZone(snapshot.Conference.TimeZoneId)!;
        _timeZone = IcsTimeZone.For(zone, FirstYear(snapshot), LastYear(snapshot));

        var links = new CalendarLinks(siteUrl, release.ConferenceSlug);
        _items = CalendarItems.Build(snapshot, clock, links, release.PublishedAt, uidHost);
    }

    /// <summary>Returns every item of the program.</summary>
    public IcsCalendar Schedule() =>
        Calendar(_release.Snapshot.Conference.Name, _items);

    /// <summary>Returns the talk's event, none when it is not scheduled, or null when the release has no talk with that slug.</summary>
    public IcsCalendar? Talk(string talkSlug)
    {
        var talk = _release.Snapshot.Talks.FirstOrDefault(t => t.Slug == talkSlug);
        return talk is null
            ? null
            : Calendar($"{talk.Title} · {_release.Snapshot.Conference.Name}", _items.Where(i => i.TalkId == talk.Id));
    }

    /// <summary>
    /// Returns the speaker's talks and the sessions they lead, or null when the release has no
    /// speaker with that slug. A speaker with nothing scheduled gets a calendar without events.
    /// </summary>
    public IcsCalendar? Speaker(string speakerSlug)
    {
        var speaker = _release.Snapshot.Speakers.FirstOrDefault(s => s.Slug == speakerSlug);
        return speaker is null
            ? null
            : Calendar($"{speaker.Name} · {_release.Snapshot.Conference.Name}", _items.Where(i => i.PersonIds.Contains(speaker.Id)));
    }

    /// <summary>
    /// Returns the events of the starred items, in program order. A session key of a session that
    /// the program shows as its single talk selects that talk's event. Keys of items that are not
    /// on this release, or not scheduled, select nothing.
    /// </summary>
    public IcsCalendar Agenda(string name, IReadOnlySet<AgendaItemKey> keys) =>
        Calendar(name, _items.Where(i => i.AgendaKeys.Any(keys.Contains)));

    private IcsCalendar Calendar(string name, IEnumerable<CalendarItem> items) =>
        new(ProductId, [.. items.Select(i => i.Event)]) { Name = name, TimeZone = _timeZone };

    // The time zone covers the conference's dates and every slot, even one outside those dates.
    private static int FirstYear(ProgramSnapshot snapshot) =>
        snapshot.Slots.Select(s => s.Start.Year).Append(snapshot.Conference.StartDate.Year).Min();

    private static int LastYear(ProgramSnapshot snapshot) =>
        snapshot.Slots.Select(s => s.End.Year).Append(snapshot.Conference.EndDate.Year).Max();
}

/// <summary>One event of the program with the talk it shows, if any, and the people on it.</summary>
/// <param name="PersonIds">The speakers of the talk and the people who lead the session.</param>
internal sealed record CalendarItem(IcsEvent Event, int? TalkId, IReadOnlySet<int> PersonIds)
{
    /// <summary>The keys of starred items that select this event: the talk's or the session's own, and a single talk's session.</summary>
    public IReadOnlyList<AgendaItemKey> AgendaKeys { get; init; } = [];
}
