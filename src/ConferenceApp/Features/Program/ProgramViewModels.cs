using ConferenceApp.Domain;

namespace ConferenceApp.Features.Program;

/// <summary>What every public page shows of its conference: the header and the navigation.</summary>
public sealed record ConferenceHeader(
    int Id,
    string Slug,
    string Name,
    string? Venue,
    string TimeZoneId,
    DateOnly StartDate,
    DateOnly EndDate,
    string? SampleNote);

/// <summary>A person on the program with the role they appear in, if any.</summary>
public sealed record PersonLink(string Slug, string Name, string? Role);

/// <summary>A local time of the conference and the same moment with its UTC offset, for the &lt;time&gt; element.</summary>
public sealed record LocalTime(DateTime Local, DateTimeOffset Instant);

public sealed record ProgramPage(ConferenceHeader Conference, IReadOnlyList<ProgramDay> Days)
{
    /// <summary>False while the conference has no release, so the page shows that the program is not published yet.</summary>
    public bool IsPublished { get; init; } = true;

    /// <summary>Set when the page shows the organizers' draft; the value is the URL of the publish form.</summary>
    public string? DraftPublishUrl { get; init; }

    /// <summary>The names of the conference's rooms in their set order, the columns of the room grid.</summary>
    public IReadOnlyList<string> Rooms { get; init; } = [];
}

public sealed record ProgramDay(DateOnly Date, IReadOnlyList<ProgramSlot> Slots);

public sealed record ProgramSlot(LocalTime Start, LocalTime End, IReadOnlyList<ProgramItem> Items);

/// <summary>
/// One item of the time line. A single-talk session is shown as its talk (<see cref="SingleTalk"/>
/// is set); a block lists its <see cref="Talks"/>; other items show their title and people.
/// A null <see cref="RoomName"/> is an item across all rooms. <see cref="Track"/> and
/// <see cref="Language"/> are null when the release does not record them.
/// </summary>
public sealed record ProgramItem(
    int SessionId,
    string Title,
    SessionKind Kind,
    string? RoomName,
    string? Description,
    string? SampleNote,
    IReadOnlyList<PersonLink> People,
    ProgramTalk? SingleTalk,
    IReadOnlyList<ProgramTalk> Talks,
    string? Track = null,
    string? Language = null);

/// <summary>A talk on the program; <see cref="Id"/> is the talk's database id, which personal agendas store.</summary>
public sealed record ProgramTalk(int Id, string Slug, string Title, IReadOnlyList<PersonLink> Speakers, string? SampleNote, string? Abstract = null);

public sealed record SpeakerListPage(ConferenceHeader Conference, IReadOnlyList<SpeakerSummary> Speakers);

public sealed record SpeakerSummary(string Slug, string Name, string? Headline, int Id, string? PhotoHash)
{
    public string? PhotoUrl => ConferenceApp.Features.Speakers.SpeakerPhotoUrls.For(Id, PhotoHash, 96);
}

/// <summary>Where and when a talk or led session takes place; null parts are not scheduled yet.</summary>
public sealed record Placement(LocalTime? Start, LocalTime? End, string? RoomName, bool AllRooms);

public sealed record SpeakerPage(
    ConferenceHeader Conference,
    string Slug,
    string Name,
    string? Headline,
    string BioHtml,
    string? PhotoUrl,
    IReadOnlyList<(string Label, string Url)> Links,
    IReadOnlyList<SpeakerTalk> Talks,
    IReadOnlyList<SpeakerSession> Sessions)
{
    /// <summary>The bio as plain text, for link previews and schema.org data; empty without a bio.</summary>
    public string BioText { get; init; } = "";
}

public sealed record SpeakerTalk(
    string Slug,
    string Title,
    string? Abstract,
    string? SessionTitle,
    Placement Placement,
    IReadOnlyList<PersonLink> CoSpeakers,
    string? SampleNote);

/// <summary>A session that the speaker leads without a talk of their own, such as the opening words.</summary>
public sealed record SpeakerSession(string Title, string? Role, Placement Placement);

public sealed record TalkPage(
    ConferenceHeader Conference,
    string Slug,
    string Title,
    string? Abstract,
    IReadOnlyList<PersonLink> Speakers,
    string? SessionTitle,
    Placement Placement,
    string? SampleNote,
    string? Track = null,
    string? Language = null)
{
    /// <summary>The talk's database id in the release, which its star's key "talk-{id}" names.</summary>
    public int Id { get; init; }
}
